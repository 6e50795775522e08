using System.Security.Cryptography;
using System.Text;
using Hub.Core.Identity.Keys;
using Hub.Core.Kernel;
using Hub.Tests.Shared;
using Microsoft.Extensions.Options;

namespace Hub.Core.Tests.Identity.Keys;

public sealed class PersonKeyHasherTests
{
    private static readonly byte[] Pepper = [.. Enumerable.Range(1, 32).Select(i => (byte)i)];
    private static readonly byte[] OtherPepper = [.. Enumerable.Range(101, 40).Select(i => (byte)i)];

    [Fact]
    public void Same_id_gives_the_same_key()
    {
        var hasher = CreateHasher(Pepper);
        var id = ResidentId.Parse("11010519491231002X");

        var first = hasher.Hash(id);
        var second = CreateHasher(Pepper).Hash(id);

        Assert.Equal(first, second);
    }

    [Fact]
    public void Every_spelling_of_one_number_gives_the_same_key()
    {
        var hasher = CreateHasher(Pepper);
        string[] spellings = ["11010519491231002X", "11010519491231002x", "１１０１０５１９４９１２３１００２Ｘ", "110105491231002"];

        var keys = spellings
            .Select(text => hasher.Hash(ResidentId.Parse(text)).Value)
            .Distinct()
            .ToList();

        Assert.Single(keys);
    }

    [Fact]
    public void Different_ids_give_different_keys()
    {
        var hasher = CreateHasher(Pepper);

        var first = hasher.Hash(ResidentId.Parse("11010519491231002X"));
        var second = hasher.Hash(ResidentId.Parse("440524188001010014"));

        Assert.NotEqual(first, second);
    }

    [Fact]
    public void Different_pepper_gives_a_different_key()
    {
        var id = ResidentId.Parse("11010519491231002X");

        var first = CreateHasher(Pepper).Hash(id);
        var second = CreateHasher(OtherPepper).Hash(id);

        Assert.NotEqual(first, second);
    }

    [Fact]
    public void Key_is_the_first_128_bits_of_hmac_sha256_of_the_number_in_lower_case_hex()
    {
        var id = ResidentId.Parse("11010519491231002X");
        var expected = Convert.ToHexStringLower(HMACSHA256.HashData(Pepper, Encoding.ASCII.GetBytes("11010519491231002X"))[..16]);

        var key = CreateHasher(Pepper).Hash(id);

        Assert.Equal(expected, key.Value);
    }

    [Fact]
    public void Key_is_32_lower_case_hex_characters_and_never_the_number()
    {
        var key = CreateHasher(Pepper).Hash(ResidentId.Parse("11010519491231002X"));

        Assert.Matches("^[0-9a-f]{32}$", key.Value);
        Assert.DoesNotContain("110105", key.Value, StringComparison.Ordinal);
        Assert.Equal(key.Value, key.ToString());
    }

    [Fact]
    public void Partition_lies_within_0_to_1023_and_the_partition_key_is_p_and_three_hex_digits()
    {
        var hasher = CreateHasher(Pepper);
        var keys = ManyIds(2000).Select(hasher.Hash).ToList();

        foreach (var key in keys)
        {
            Assert.InRange(key.Partition, 0, PersonKey.PartitionCount - 1);
            Assert.Matches("^p[0-3][0-9a-f]{2}$", key.PartitionKey);
            Assert.Equal(key.Partition, Convert.ToInt32(key.PartitionKey[1..], 16));
        }

        // 2,000 keys over 1,024 partitions: a keyed hash spreads them, so far more than a few partitions are used.
        Assert.True(keys.Select(k => k.Partition).Distinct().Count() > 700);
    }

    [Theory]
    [InlineData(0, "p000")]
    [InlineData(10, "p00a")]
    [InlineData(255, "p0ff")]
    [InlineData(1023, "p3ff")]
    public void Partition_numbers_are_formatted_as_p_and_three_hex_digits(int partition, string expected)
    {
        var formatted = PersonKey.FormatPartition(partition);

        Assert.Equal(expected, formatted);
    }

    [Fact]
    public void Missing_pepper_is_refused_with_the_configuration_key()
    {
        var options = Options.Create(new PersonKeyOptions());

        var exception = Assert.Throws<InvalidOperationException>(() => new PersonKeyHasher(options));

        Assert.Contains("Hub:PersonKey:Pepper", exception.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("not base64!")]
    [InlineData("AAECAwQFBgcICQoLDA0ODw==")]
    public void Options_validator_refuses_a_missing_malformed_or_short_pepper(string? pepper)
    {
        var validator = new PersonKeyOptionsValidator();

        var result = validator.Validate(null, new PersonKeyOptions { Pepper = pepper });

        Assert.True(result.Failed);
        Assert.Contains("Hub:PersonKey:Pepper", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Options_validator_accepts_a_pepper_of_32_bytes()
    {
        var validator = new PersonKeyOptionsValidator();

        var result = validator.Validate(null, new PersonKeyOptions { Pepper = Convert.ToBase64String(Pepper) });

        Assert.True(result.Succeeded);
    }

    private static PersonKeyHasher CreateHasher(byte[] pepper) =>
        new(Options.Create(new PersonKeyOptions { Pepper = Convert.ToBase64String(pepper) }));

    private static IEnumerable<ResidentId> ManyIds(int count) =>
        Enumerable.Range(0, count).Select(i => ResidentId.Parse(IdNumbers.Complete($"110105{new DateOnly(1950, 1, 1).AddDays(i):yyyyMMdd}{i % 1000:D3}")));
}
