// With replicas behind one proxy, SignalR's negotiate request and the WebSocket that follows could reach different
// replicas, and the second would not know the connection: going straight to the WebSocket, a circuit stays on the
// replica that took it.
Blazor.start({
    circuit: {
        configureSignalR: builder => builder.withUrl("_blazor", { skipNegotiation: true, transport: 1 })
    }
});
