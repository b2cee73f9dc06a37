using System.Text.RegularExpressions;

namespace HoanKiem.ServiceDefaults.Text;

/// <summary>
/// A unit code is an identifier of ASCII letters, digits and hyphens, kept as registered and matched without regard
/// to case everywhere. Queries compare <see cref="Key"/> with SQL's <c>lower()</c>, which agrees with it on ASCII.
/// </summary>
public static partial class UnitCodes
{
    public const int MaxLength = 40;

    public static bool IsValid(string code) => Pattern().IsMatch(code);

    public static string Key(string code) => code.Trim().ToLowerInvariant();

    public static bool Same(string? a, string? b) =>
        a is not null && b is not null && string.Equals(a.Trim(), b.Trim(), StringComparison.OrdinalIgnoreCase);

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9-]{1,39}$")]
    private static partial Regex Pattern();
}
