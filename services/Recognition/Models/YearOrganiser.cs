namespace HoanKiem.Recognition.Models;

/// <summary>Who organises a contest year, as submission configured it: whom its decisions name as issuer and signer.</summary>
public sealed class YearOrganiser
{
    public int Year { get; set; }
    public required string Name { get; set; }
    public required string SignerTitle { get; set; }
}
