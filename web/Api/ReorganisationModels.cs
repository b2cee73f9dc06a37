namespace HoanKiem.Web.Api;

/// <summary>Who organises a year: the district until 1 July 2025, a ward (phường) after, or another body.</summary>
public sealed record Organiser(string Name, string Level, string? AreaCode, string AreaName, string SignerTitle)
{
    /// <summary>The level as running text says it: "quận", "phường", or the area's name for another body.</summary>
    public string LevelWord => Level switch { "district" => "quận", "ward" => "phường", _ => AreaName };
}

/// <summary>How an old ward's name written for a nominee was read: matched to its successor, or to confirm among <c>Candidates</c>.</summary>
public sealed record WardCheck(string Written, string Ward, bool ToConfirm, IReadOnlyList<string> Candidates, DateTimeOffset? ConfirmedAt, string? ConfirmedBy);

public sealed record WardToConfirm(Guid EntryId, string UnitCode, string Title, string NomineeFullName, DateTimeOffset ReceivedAt, WardCheck NomineeWard);
