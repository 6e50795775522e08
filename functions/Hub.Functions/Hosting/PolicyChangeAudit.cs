using Hub.Core.Audit;

namespace Hub.Functions.Hosting;

/// <summary>
/// Records a <c>policy.change</c> audit event at start-up when the policy files differ from those of the previous
/// start. Runs after storage is created; if the event cannot be written the Hub does not start, as no answer may leave
/// under rules the trail does not know.
/// </summary>
internal sealed class PolicyChangeAudit(PolicyChangeRecorder recorder) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => recorder.RecordAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
