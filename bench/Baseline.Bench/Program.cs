using HoanKiem.Baseline.Bench;
using HoanKiem.Baseline.Bench.Roles;

// The submission path of the real system, bare: YARP → POST → SQLite (entry + outbox row in one transaction) → relay
// with publisher confirms → RabbitMQ fanout → N consumer processes, each storing every event in its own SQLite file.
// The same processes as the real system (gateway, submission service, consumer services, broker), without MassTransit,
// EF Core, OpenTelemetry, authentication or validation: what this machine can do at best, to read the real system's
// figures (Load.Bench) against, measured the same hour. Prints accepted/s, accept latency, accept → stored by every
// consumer and CPU per submission by process, at full concurrency and then paced at 70 % of that (or --rate);
// asserts nothing. This program is also every role: the bench starts itself again with the role's name first.
// Usage: dotnet run -c Release --project bench/Baseline.Bench -- [--submissions 6000] [--concurrency 32] [--consumers 3] [--rate N]
var arguments = Arguments.Parse(args);
return arguments.Role switch
{
    "service" => await ServiceRole.RunAsync(arguments),
    "proxy" => await ProxyRole.RunAsync(arguments),
    "consumer" => await ConsumerRole.RunAsync(arguments),
    null => await Benchmark.RunAsync(arguments),
    var role => throw new ArgumentException($"Unknown role {role}.")
};
