using System.Collections.Concurrent;
using System.Text.Json;
using HoanKiem.ServiceDefaults.Text;

namespace HoanKiem.ServiceDefaults.Messaging;

/// <summary>A message a consumer has already handled, written in the same transaction as the handling.</summary>
public sealed class InboxMessage
{
    public Guid MessageId { get; set; }
    public required string Consumer { get; set; }
    public long ReceivedAt { get; set; }
}

public static class MessageSerialization
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web) { Encoder = VietnameseText.JsonEncoder };

    // Both looked up for every event stored and every event relayed; the assembly's name and the type search allocate.
    private static readonly ConcurrentDictionary<Type, string> Names = new();
    private static readonly ConcurrentDictionary<string, Type> Types = new();

    public static string TypeName(Type type) => Names.GetOrAdd(type, t => $"{t.FullName}, {t.Assembly.GetName().Name}");

    public static Type TypeOf(string typeName) => Types.GetOrAdd(typeName, name => Type.GetType(name, throwOnError: true)!);
}
