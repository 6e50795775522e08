// The program a generated Hub client is checked with (GeneratedClientTests): it is compiled in a temporary project
// beside the client that Kiota generated from the served document, never in the test project. It pushes a one-row feed
// as a department, follows the batch, looks the person up and reads them as a community worker, and prints what came
// back. The assignments to string below are the check that keys and codes are strings: were the document to call
// them objects, the client's properties would be classes and this file would not compile.
using Hub.Generated;
using Hub.Generated.Models;
using Microsoft.Kiota.Abstractions.Authentication;
using Microsoft.Kiota.Abstractions.Serialization;
using Microsoft.Kiota.Http.HttpClientLibrary;

var address = args[0];
var residentId = Environment.GetEnvironmentVariable("HUB_CHECK_RESIDENT_ID")!;
var publisher = Client(Environment.GetEnvironmentVariable("HUB_CHECK_PUBLISHER_TOKEN")!);
var reader = Client(Environment.GetEnvironmentVariable("HUB_CHECK_READER_TOKEN")!);

var row = new UntypedObject(new Dictionary<string, UntypedNode>
{
    ["身份证号码"] = new UntypedString(residentId),
    ["姓名"] = new UntypedString("王秀英"),
    ["性别"] = new UntypedString("女"),
    ["救助类型"] = new UntypedString("城市低保"),
    ["救助金额(元)"] = new UntypedString("1250"),
    ["享受起始日期"] = new UntypedString("2024-03-01"),
    ["居住地区划代码"] = new UntypedString("110105003002"),
    ["网格"] = new UntypedString("G07"),
});
var accepted = await publisher.Api.Feeds["civil-affairs"].PostAsync(new UntypedArray([row]), c => c.QueryParameters.Mode = "delta")
    ?? throw new InvalidOperationException("The push answered no batch report.");
string batchId = accepted.Id!;
Console.WriteLine($"accepted={accepted.Status}");

var batch = accepted;
for (var attempt = 0; attempt < 300 && batch.Status is not (BatchStatus.Completed or BatchStatus.Failed); attempt++)
{
    await Task.Delay(100);
    batch = await publisher.Api.Feeds["civil-affairs"].Batches[batchId].GetAsync() ?? batch;
}

Console.WriteLine($"batch={batch.Status} inserted={batch.Counts?.Inserted}");

var found = await reader.Api.Persons.Lookup.PostAsync(new PersonLookup { ResidentId = residentId, Purpose = "home-visit" })
    ?? throw new InvalidOperationException("The look-up answered no person.");
string personKey = found.PersonKey!;
var person = await reader.Api.Persons[personKey].GetAsync(c => c.QueryParameters.Purpose = "home-visit")
    ?? throw new InvalidOperationException("The read answered no person.");
string? division = person.Residence?.Division;
string? group = person.Memberships?.FirstOrDefault()?.Group;
string? household = person.HouseholdKey;
Console.WriteLine($"personKey={person.PersonKey}");
Console.WriteLine($"division={division}");
Console.WriteLine($"group={group}");
Console.WriteLine($"householdKey={household}");

HubClient Client(string token)
{
    var http = new HttpClient();
    http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
    return new HubClient(new HttpClientRequestAdapter(new AnonymousAuthenticationProvider(), httpClient: http) { BaseUrl = address });
}
