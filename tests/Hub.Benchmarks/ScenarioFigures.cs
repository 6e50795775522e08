namespace Hub.Benchmarks;

/// <summary>One scenario's measured figures, with what each request cost in storage operations and audit events.</summary>
internal sealed record ScenarioFigures(ReadScenario Scenario, LatencyFigures Latency, double? StorageOperations = null, double? AuditEvents = null);
