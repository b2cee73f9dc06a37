using Xunit;

namespace HoanKiem.ServiceDefaults.Tests;

/// <summary>
/// Activities are seen process-wide: a test that records them records the other tests' too (their buses' MassTransit
/// spans, their relays'), and a provider that samples spends its budget on them, so such tests run alone.
/// </summary>
[CollectionDefinition(nameof(RecordsActivities), DisableParallelization = true)]
public sealed class RecordsActivities;
