namespace HoanKiem.ServiceDefaults.Outbox;

/// <summary>An event waiting in the sender's database until the broker has confirmed it.</summary>
public sealed class OutboxMessage
{
    public long Sequence { get; set; }
    public Guid MessageId { get; set; }
    public required string MessageType { get; set; }
    /// <summary>
    /// The event as UTF-8 JSON, the form the broker carries: stored, read and relayed as bytes, an article's ~10 KB of
    /// Vietnamese text is never converted to a UTF-16 string and back, which as text was a large share of submission's CPU.
    /// </summary>
    public required byte[] Payload { get; set; }
    public string? TraceParent { get; set; }
    /// <summary>What the event is about (an entry's id), so an erasure finds the stored copies of the person's data.</summary>
    public string? Subject { get; set; }
    /// <summary>Unix milliseconds; integers because SQLite cannot compare DateTimeOffset in SQL.</summary>
    public long CreatedAt { get; set; }
    public long? SentAt { get; set; }
    /// <summary>A relay instance leases a batch until this instant so replicas never relay the same event at once.</summary>
    public long LockedUntil { get; set; }
    public string? LockedBy { get; set; }
    public int Attempts { get; set; }
}
