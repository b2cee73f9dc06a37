namespace HoanKiem.Baseline.Bench;

/// <summary>What a unit posts: a ~10 KB article.</summary>
public sealed record Article(string Title, string Body, string Unit);

/// <summary>The service's answer once the entry and its event are committed.</summary>
public sealed record Receipt(Guid Id, DateTimeOffset ReceivedAt);

/// <summary>The event the outbox carries to every consumer.</summary>
public sealed record EntryAccepted(Guid EntryId, string Unit, string Title, string Body, DateTimeOffset ReceivedAt)
{
    public const string Exchange = "baseline-entry-accepted";
}
