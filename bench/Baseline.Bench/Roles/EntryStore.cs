using System.Text.Json;
using System.Threading.Channels;
using Microsoft.Data.Sqlite;

namespace HoanKiem.Baseline.Bench.Roles;

/// <summary>The service's SQLite file: each accepted entry and its event (the outbox row) in one transaction.</summary>
public sealed class EntryStore : IDisposable
{
    private const string OutboxTable = """
        CREATE TABLE IF NOT EXISTS outbox (sequence INTEGER PRIMARY KEY AUTOINCREMENT, message_id TEXT NOT NULL, body BLOB NOT NULL, sent_at INTEGER);
        CREATE INDEX IF NOT EXISTS outbox_unsent ON outbox (sequence) WHERE sent_at IS NULL;
        """;

    private readonly SqliteConnection writer;
    private readonly SqliteConnection reader;
    // SQLite takes one writer at a time; waiting here is cheaper than SQLite's busy retries.
    private readonly SemaphoreSlim writing = new(1, 1);
    private readonly SqliteCommand insertEntry;
    private readonly SqliteCommand insertEvent;
    private readonly SqliteCommand markSent;
    private readonly SqliteCommand readUnsent;
    private readonly Channel<bool> stored = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    public EntryStore(string path)
    {
        writer = Sqlite.Open(path, Sqlite.EntriesTable + OutboxTable);
        // The relay reads on a connection of its own: in WAL mode that read waits for no writer.
        reader = Sqlite.Open(path);
        insertEntry = writer.Command("INSERT INTO entries VALUES ($id, $unit, $title, $body, $receivedAt)", "$id", "$unit", "$title", "$body", "$receivedAt");
        insertEvent = writer.Command("INSERT INTO outbox (message_id, body) VALUES ($id, $body)", "$id", "$body");
        markSent = writer.Command("UPDATE outbox SET sent_at = $now WHERE sent_at IS NULL AND sequence <= $last", "$now", "$last");
        readUnsent = reader.Command("SELECT sequence, message_id, body FROM outbox WHERE sent_at IS NULL ORDER BY sequence LIMIT $limit", "$limit");
    }

    public async Task<Receipt> AcceptAsync(Article article)
    {
        var receipt = new Receipt(Guid.CreateVersion7(), DateTimeOffset.UtcNow);
        var message = JsonSerializer.SerializeToUtf8Bytes(
            new EntryAccepted(receipt.Id, article.Unit, article.Title, article.Body, receipt.ReceivedAt), JsonSerializerOptions.Web);
        await writing.WaitAsync();
        try
        {
            using var transaction = writer.BeginTransaction();
            Execute(insertEntry, transaction, receipt.Id.ToString(), article.Unit, article.Title, article.Body, receipt.ReceivedAt.ToString("O"));
            Execute(insertEvent, transaction, receipt.Id.ToString(), message);
            transaction.Commit();
        }
        finally
        {
            writing.Release();
        }
        stored.Writer.TryWrite(true);
        return receipt;
    }

    /// <summary>The oldest unsent events, in the order they were stored.</summary>
    public IReadOnlyList<OutboxRow> ReadUnsent(int limit)
    {
        readUnsent.Parameters[0].Value = limit;
        using var rows = readUnsent.ExecuteReader();
        var batch = new List<OutboxRow>(limit);
        while (rows.Read())
        {
            batch.Add(new OutboxRow(rows.GetInt64(0), rows.GetString(1), (byte[])rows.GetValue(2)));
        }
        return batch;
    }

    /// <summary>
    /// Marks every unsent event up to <paramref name="last"/>: a batch is every unsent row up to its last, since
    /// commits are serialized and a later commit always gets a higher sequence.
    /// </summary>
    public async Task MarkSentAsync(long last)
    {
        await writing.WaitAsync();
        try
        {
            Execute(markSent, null, DateTimeOffset.UtcNow.ToUnixTimeMilliseconds(), last);
        }
        finally
        {
            writing.Release();
        }
    }

    /// <summary>Completes once an event was stored after the last call (at once if one already was).</summary>
    public ValueTask<bool> NextStoredAsync(CancellationToken cancellationToken) => stored.Reader.ReadAsync(cancellationToken);

    public void Dispose()
    {
        writer.Dispose();
        reader.Dispose();
        writing.Dispose();
    }

    private static void Execute(SqliteCommand command, SqliteTransaction? transaction, params object[] values)
    {
        command.Transaction = transaction;
        for (var i = 0; i < values.Length; i++)
        {
            command.Parameters[i].Value = values[i];
        }
        command.ExecuteNonQuery();
    }
}

public sealed record OutboxRow(long Sequence, string MessageId, byte[] Body);
