namespace Hub.Benchmarks;

/// <summary>One scenario's measured figures, with what each request cost in storage operations and audit events (none for the raw reads, which cost one operation by definition), and the person index backlog it left.</summary>
internal sealed record ScenarioFigures(ReadScenario Scenario, LatencyFigures Latency, RequestCost? Cost = null, IndexBacklog? Backlog = null);
