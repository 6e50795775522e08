namespace Hub.Cli.Tests;

public sealed class UsageErrorTests : IDisposable
{
    private readonly TemporaryFolder _folder = new();

    public UsageErrorTests()
    {
        File.WriteAllText(_folder.File("feed.csv"), "公民身份号码\r\n");
        File.WriteAllText(_folder.File("feed.txt"), "公民身份号码\r\n");
    }

    [Theory]
    [InlineData]
    [InlineData("bogus")]
    [InlineData("push", "{folder}/missing.csv", "--source", "police")]
    [InlineData("push", "{folder}/feed.csv")]
    [InlineData("push", "{folder}/feed.csv", "--source", "Police!")]
    [InlineData("push", "{folder}/feed.csv", "--source", "police", "--mode", "full")]
    [InlineData("push", "{folder}/feed.txt", "--source", "police")]
    [InlineData("push", "{folder}/feed.csv", "--source", "police", "--hub", "ftp://hub")]
    [InlineData("push", "{folder}/feed.csv", "--source", "police", "--wait", "--timeout", "forever")]
    [InlineData("validate", "{folder}/feed.csv", "--source", "police", "--bogus")]
    [InlineData("validate", "{folder}/feed.csv", "--source", "police", "--show", "-1")]
    [InlineData("batch", "police")]
    [InlineData("batches", "police", "--top", "0")]
    [InlineData("samples")]
    [InlineData("samples", "--output", "{folder}/out", "--mistake-rate", "2")]
    [InlineData("quality", "--people", "5")]
    [InlineData("quality", "--seed", "many")]
    [InlineData("quality", "--rules", "{folder}/missing.json")]
    [InlineData("quality", "--preset", "medium")]
    public async Task A_wrong_command_line_exits_2_before_anything_is_sent(params string[] args)
    {
        var hub = new StubHub((_, _) => throw new InvalidOperationException("nothing may be sent"));

        var run = await Cli.RunAsync(hub, [.. args.Select(a => a.Replace("{folder}", _folder.Path, StringComparison.Ordinal))]);

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Empty(hub.Requests);
        Assert.NotEmpty(run.Error);
    }

    public void Dispose() => _folder.Dispose();
}
