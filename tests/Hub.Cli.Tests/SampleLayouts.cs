using Hub.Samples;

namespace Hub.Cli.Tests;

/// <summary>The shipped departments' sample files, as theory data: a source and its file name.</summary>
internal static class SampleLayouts
{
    public static TheoryData<string, string> All()
    {
        var data = new TheoryData<string, string>();
        foreach (var (source, file, _) in SampleSet.Layout)
        {
            data.Add(source, file);
        }

        return data;
    }
}
