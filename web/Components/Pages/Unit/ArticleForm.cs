using HoanKiem.Web.Api;

namespace HoanKiem.Web.Components.Pages.Unit;

/// <summary>What the sending form holds, field by field, as typed: nothing is lost when the API refuses it.</summary>
public sealed class ArticleForm
{
    public string? Title { get; set; }
    public string? Field { get; set; }
    public string? Body { get; set; }
    public string? AuthorName { get; set; }
    public string? AuthorPosition { get; set; }
    public string? AuthorPhone { get; set; }
    public string? AuthorEmail { get; set; }
    public string? NomineeName { get; set; }
    public string? NomineeBirthYear { get; set; }
    public string? NomineePosition { get; set; }
    public string? NomineeWorkplace { get; set; }
    public string? NomineeStreet { get; set; }
    public string? NomineeWard { get; set; }
    /// <summary>Sent as the Idempotency-Key: a double click or a retried post sends the article once.</summary>
    public string Key { get; set; } = NewKey();

    public static string NewKey() => Guid.NewGuid().ToString("N");

    public NewEntry ToEntry() => new(
        Title?.Trim() ?? "",
        Body ?? "",
        Field ?? "",
        new Author(Blank(AuthorName), Blank(AuthorPosition), Blank(AuthorPhone), Blank(AuthorEmail)),
        new Nominee(Blank(NomineeName), int.TryParse(NomineeBirthYear, out var year) ? year : null, Blank(NomineePosition), Blank(NomineeWorkplace),
            new Address(Blank(NomineeStreet), Blank(NomineeWard))));

    /// <summary>The form's field that an API validation key (e.g. <c>nominee.address.ward</c>) names.</summary>
    public static string FieldOf(string apiKey) => apiKey.ToLowerInvariant() switch
    {
        "title" => nameof(Title),
        "body" => nameof(Body),
        "field" => nameof(Field),
        "author" or "author.fullname" => nameof(AuthorName),
        "author.position" => nameof(AuthorPosition),
        "author.phone" => nameof(AuthorPhone),
        "author.email" => nameof(AuthorEmail),
        "nominee" or "nominee.fullname" => nameof(NomineeName),
        "nominee.birthyear" => nameof(NomineeBirthYear),
        "nominee.position" => nameof(NomineePosition),
        "nominee.workplace" => nameof(NomineeWorkplace),
        "nominee.address.street" => nameof(NomineeStreet),
        "nominee.address.ward" or "nominee.address" => nameof(NomineeWard),
        _ => ""
    };

    /// <summary>Where a refusal of the contest's rules is shown: beside the field to correct.</summary>
    public static string FieldOfRefusal(string code) => code switch
    {
        "word_count_out_of_range" => nameof(Body),
        "missing_author_info" => nameof(AuthorPhone),
        "missing_nominee_info" => nameof(NomineeName),
        "nominee_outside_district" => nameof(NomineeWard),
        "invalid_field" => nameof(Field),
        _ => ""
    };

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
