using Hub.Core.Identity.Matching;

namespace Hub.Samples.Quality;

/// <summary>One session of the expectation–maximisation estimate beside the rules, with the truth to judge it by.</summary>
/// <param name="Agreeing">The field its candidate pairs agree on exactly, as a blocking key on that field found them.</param>
/// <param name="LeftOut">The fields it left out: the key's own, which agree by construction.</param>
/// <param name="Pairs">How many candidate pairs it took.</param>
/// <param name="MatchShare">The share of them it estimated to be the same person.</param>
/// <param name="TrueMatchShare">The share that really is.</param>
/// <param name="Iterations">Rounds it took.</param>
/// <param name="Converged">Whether it stopped moving before the round limit.</param>
public sealed record LevelEstimateSession(
    MatchField Agreeing,
    IReadOnlyList<MatchField> LeftOut,
    int Pairs,
    double MatchShare,
    double TrueMatchShare,
    int Iterations,
    bool Converged);
