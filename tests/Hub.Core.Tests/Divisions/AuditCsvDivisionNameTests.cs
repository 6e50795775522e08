using System.Text;
using Hub.Core.Audit;

namespace Hub.Core.Tests.Divisions;

public sealed class AuditCsvDivisionNameTests
{
    [Fact]
    public async Task The_audit_export_names_the_users_division_beside_its_code()
    {
        var auditEvent = new AuditEvent
        {
            Actor = new AuditActor("street-officer", "Hub.StreetOfficer", "110105001000"),
            Action = AuditAction.PolicyChange,
            Outcome = AuditOutcome.Allowed,
        };
        var records = new[] { new AuditRecord(1, DateTimeOffset.UnixEpoch, auditEvent, AuditCanonicalForm.GenesisHash, AuditCanonicalForm.GenesisHash) };
        using var stream = new MemoryStream();

        await AuditCsv.WriteAsync(records.ToAsyncEnumerable(), stream, RegistryJson.Registry());

        var lines = Encoding.UTF8.GetString(stream.ToArray()).Split("\r\n");
        Assert.StartsWith("\uFEFFsequence,time,userId,role,division,divisionName,", lines[0], StringComparison.Ordinal);
        Assert.Contains(",Hub.StreetOfficer,110105001000,朝阳区 / 建外街道,", lines[1], StringComparison.Ordinal);
    }
}
