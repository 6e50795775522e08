using System.Globalization;
using Hub.Core.Kernel;

namespace Hub.Samples;

/// <summary>
/// Issues unique, valid ID numbers: address code, birth date, a sequence whose parity gives the sex, and the
/// ISO 7064 MOD 11-2 check character. It remembers each issued body (8 bytes a person) because two people drawn
/// with the same county and birthday would otherwise collide, and the Hub rightly rejects a repeated record.
/// </summary>
internal sealed class ResidentIdIssuer(Random random)
{
    private readonly HashSet<long> _issued = [];

    public ResidentId Issue(string addressCode, DateOnly birthDate, Sex sex)
    {
        while (true)
        {
            var sequence = (random.Next(500) * 2) + (sex == Sex.Male ? 1 : 0);
            var body = string.Create(CultureInfo.InvariantCulture, $"{addressCode}{birthDate:yyyyMMdd}{sequence:D3}");
            if (_issued.Add(long.Parse(body, CultureInfo.InvariantCulture)))
            {
                return ResidentId.Parse(body + ResidentId.CheckCharacter(body));
            }
        }
    }
}