namespace Hub.Tests.Shared;

/// <summary>
/// Completes test ID numbers with a check character computed here from GB 11643's weights, not by the code under
/// test, so a test of the checksum cannot pass by agreeing with itself.
/// </summary>
internal static class IdNumbers
{
    private const string CheckCharacters = "10X98765432";

    private static readonly int[] Weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];

    public static char CheckCharacter(string body)
    {
        Assert.Equal(17, body.Length);
        var sum = 0;
        for (var i = 0; i < 17; i++)
        {
            sum += (body[i] - '0') * Weights[i];
        }

        return CheckCharacters[sum % 11];
    }

    public static string Complete(string body) => body + CheckCharacter(body);

    /// <summary>The 18-digit form of a 15-digit legacy number: the century "19" goes in front of the two-digit year.</summary>
    public static string Upgrade(string legacy) => Complete(legacy[..6] + "19" + legacy[6..]);
}
