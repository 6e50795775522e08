using Hub.Core.Identity.Matching;
using Hub.Core.Kernel;
using Hub.Tests.Shared;

namespace Hub.Core.Tests.Identity.Matching;

public sealed class PersonMatcherTests
{
    private static readonly PersonMatcher Matcher = new(TestRules.Shipped);

    private static readonly PersonKey ZhangSan = Key('a');
    private static readonly PersonKey Haoran = Key('b');
    private static readonly PersonKey Zixuan = Key('c');
    private static readonly PersonKey FirstWangWei = Key('d');
    private static readonly PersonKey SecondWangWei = Key('e');

    private static readonly string[] Surnames = ["李", "赵", "钱", "孙", "周", "吴", "郑", "冯", "陈", "褚", "卫", "蒋"];

    private static readonly string ZhangSanId = IdNumbers.Complete("11010519850302003");

    // Twins: same address code and birth date, one sequence number apart.
    private static readonly string HaoranId = IdNumbers.Complete("11010520150601013");
    private static readonly string ZixuanId = IdNumbers.Complete("11010520150601015");

    [Fact]
    public void An_exact_duplicate_with_a_spreadsheet_mangled_id_and_a_traditional_name_is_linked()
    {
        var incoming = Police("張三", "1985-03-02", "male", "110105001002", "1.10105E+17");

        var decision = Matcher.Evaluate(incoming, [new(ZhangSan, Police("张三", "1985-03-02", "male", "110105001002", ZhangSanId))]);

        Assert.Equal(MatchOutcome.Match, decision.Outcome);
        Assert.Equal(ZhangSan, decision.MatchedPerson);
        Assert.Single(decision.Candidates);
        Assert.Contains(decision.Candidates[0].Fields, f => f is { Field: MatchField.Name, Level: ComparisonLevel.Exact });
        Assert.Contains(decision.Candidates[0].Fields, f => f is { Field: MatchField.ResidentId, Level: ComparisonLevel.Prefix });
    }

    [Fact]
    public void A_record_without_an_id_is_linked_when_everything_else_agrees()
    {
        var incoming = CivilAffairs("张三", "1985-03-02", "male", "110105001002", "13800000000", id: null);

        var decision = Matcher.Evaluate(incoming, [new(ZhangSan, CivilAffairs("张三", "1985-03-02", "male", "110105001002", "13800000000", ZhangSanId))]);

        Assert.Equal(MatchOutcome.Match, decision.Outcome);
        Assert.Equal(ZhangSan, decision.MatchedPerson);
    }

    [Fact]
    public void A_twin_is_never_linked_to_the_sibling_when_only_the_sibling_is_known()
    {
        var incoming = Police("李浩然", "2015-06-01", "male", "110105001002", id: null);

        var decision = Matcher.Evaluate(incoming, [new(Zixuan, Police("李子轩", "2015-06-01", "male", "110105001002", ZixuanId))]);

        Assert.NotEqual(MatchOutcome.Match, decision.Outcome);
    }

    [Fact]
    public void A_twin_whose_id_is_mistyped_into_the_siblings_is_not_linked_to_the_sibling()
    {
        // One digit away from the sibling's number: the evidence alone would point at the wrong twin.
        var incoming = Police("李浩然", "2015-06-01", "male", "110105001002", ZixuanId[..17] + (ZixuanId[17] == '0' ? '1' : '0'));

        var decision = Matcher.Evaluate(incoming, [new(Zixuan, Police("李子轩", "2015-06-01", "male", "110105001002", ZixuanId))]);

        Assert.NotEqual(MatchOutcome.Match, decision.Outcome);
        Assert.Contains(MatchField.Name, decision.Best!.AutoMatchBlockedBy);
        Assert.False(decision.Best.CanAutoMatch);
    }

    [Fact]
    public void With_both_twins_known_a_row_of_one_is_never_linked_to_the_other()
    {
        var incoming = Police("李浩然", "2015-06-01", "male", "110105001002", id: null);
        MatchCandidate[] candidates =
        [
            new(Zixuan, Police("李子轩", "2015-06-01", "male", "110105001002", ZixuanId)),
            new(Haoran, Police("李浩然", "2015-06-01", "male", "110105001002", HaoranId)),
        ];

        var decision = Matcher.Evaluate(incoming, candidates);

        Assert.NotEqual(Zixuan, decision.MatchedPerson);
        Assert.Equal(Haoran, decision.Candidates[0].Person);
    }

    [Fact]
    public void Records_with_two_different_valid_ids_are_never_matched_however_alike()
    {
        var other = IdNumbers.Complete("11010519850302011");
        var incoming = CivilAffairs("张三", "1985-03-02", "male", "110105001002", "13800000000", other);

        var decision = Matcher.Evaluate(incoming, [new(ZhangSan, CivilAffairs("张三", "1985-03-02", "male", "110105001002", "13800000000", ZhangSanId))]);

        Assert.Equal(MatchOutcome.NoMatch, decision.Outcome);
        Assert.Empty(decision.Candidates);
        Assert.Null(decision.Best);
    }

    [Fact]
    public void Id_evidence_that_contradicts_the_candidates_number_rules_out_an_automatic_link()
    {
        var someoneElse = IdNumbers.Complete("11010819850302113");
        var incoming = CivilAffairs("张三", "1985-03-02", "male", "110105001002", "13800000000", someoneElse[..17]);

        var decision = Matcher.Evaluate(incoming, [new(ZhangSan, CivilAffairs("张三", "1985-03-02", "male", "110105001002", "13800000000", ZhangSanId))]);

        Assert.NotEqual(MatchOutcome.Match, decision.Outcome);
        Assert.True(decision.Best!.IdConflict);
        Assert.Contains(decision.Best.Fields, f => f is { Field: MatchField.ResidentId, Level: ComparisonLevel.Different });
    }

    [Fact]
    public void A_record_with_the_same_valid_id_is_matched_whatever_else_differs()
    {
        var incoming = CivilAffairs("张三丰", "1990-01-01", "female", "110108005006", "13900000000", ZhangSanId);

        var decision = Matcher.Evaluate(incoming, [new(ZhangSan, CivilAffairs("张三", "1985-03-02", "male", "110105001002", "13800000000", ZhangSanId))]);

        Assert.Equal(MatchOutcome.Match, decision.Outcome);
        Assert.Equal(ZhangSan, decision.MatchedPerson);
    }

    [Fact]
    public void Two_plausible_namesakes_go_to_the_steward_ranked()
    {
        // A housing row: name and community only, both namesakes live there.
        var incoming = Housing("王伟", "110105001002", phone: null, id: null);
        MatchCandidate[] candidates =
        [
            new(SecondWangWei, Police("王伟", "1980-05-05", "male", "110105001002", IdNumbers.Complete("11010519800505031"))),
            new(FirstWangWei, Police("王伟", "1975-07-07", "male", "110105001002", IdNumbers.Complete("11010519750707051"))),
        ];

        var decision = Matcher.Evaluate(incoming, candidates);

        Assert.Equal(MatchOutcome.PossibleMatch, decision.Outcome);
        Assert.Equal([FirstWangWei, SecondWangWei], decision.Candidates.Select(c => c.Person));
        Assert.Null(decision.MatchedPerson);
    }

    [Fact]
    public void A_second_candidate_below_the_rival_threshold_does_not_hold_back_the_link_and_one_above_it_does()
    {
        // The shipped rules queue from 10 but let only a candidate from 15 stand in the way of a link: a namesake in
        // the same street and nothing else (about 10) is worth a steward's look on its own, not beside a certain match.
        var incoming = CivilAffairs("张三", "1985-03-02", "male", "110105001002", "13800000000", id: null);
        var certain = new MatchCandidate(ZhangSan, CivilAffairs("张三", "1985-03-02", "male", "110105001002", "13800000000", ZhangSanId));
        var sameStreet = new MatchCandidate(Haoran, Housing("张三", "110105001007", phone: null, id: null));
        var sameCommunity = new MatchCandidate(Zixuan, Housing("张三", "110105001002", phone: null, id: null));

        var besideStreet = Matcher.Evaluate(incoming, [certain, sameStreet]);
        var besideCommunity = Matcher.Evaluate(incoming, [certain, sameCommunity]);

        var rivals = Matcher.Rank(incoming, [sameStreet, sameCommunity]).ToDictionary(c => c.Person, c => c.Score);
        Assert.InRange(rivals[Haoran], TestRules.Shipped.PossibleMatchThreshold, TestRules.Shipped.RivalThreshold - 0.001);
        Assert.True(rivals[Zixuan] >= TestRules.Shipped.RivalThreshold);
        Assert.Equal(MatchOutcome.Match, besideStreet.Outcome);
        Assert.Equal(ZhangSan, besideStreet.MatchedPerson);
        Assert.Equal(MatchOutcome.PossibleMatch, besideCommunity.Outcome);
        Assert.Equal([ZhangSan, Zixuan], besideCommunity.Candidates.Select(c => c.Person));
    }

    [Fact]
    public void A_lone_namesake_in_the_same_street_and_nothing_else_goes_to_the_steward()
    {
        // A housing row without an ID, sex or birth date; the only person of that name lives in another community of
        // the street (a department that has not caught up with a move, or a namesake).
        var incoming = Housing("王伟", "110105001002", phone: null, id: null);

        var decision = Matcher.Evaluate(incoming, [new(FirstWangWei, Police("王伟", "1975-07-07", "male", "110105001006", IdNumbers.Complete("11010519750707051")))]);

        Assert.Equal(MatchOutcome.PossibleMatch, decision.Outcome);
        Assert.InRange(decision.Score!.Value, TestRules.Shipped.PossibleMatchThreshold, TestRules.Shipped.RivalThreshold);
    }

    [Fact]
    public void A_lone_candidate_that_agrees_on_too_little_goes_to_the_steward_not_to_a_link()
    {
        var incoming = Housing("王伟", "110105001002", phone: null, id: null);

        var decision = Matcher.Evaluate(incoming, [new(FirstWangWei, Police("王伟", "1975-07-07", "male", "110105001002", IdNumbers.Complete("11010519750707051")))]);

        Assert.Equal(MatchOutcome.PossibleMatch, decision.Outcome);
        Assert.InRange(decision.Score!.Value, TestRules.Shipped.PossibleMatchThreshold, TestRules.Shipped.MatchThreshold);
    }

    [Fact]
    public void Nobody_close_means_a_new_person_with_the_best_candidate_kept_for_explanation()
    {
        var incoming = CivilAffairs("赵六", "1950-12-12", "female", "110108006007", "13700000000", id: null);

        var decision = Matcher.Evaluate(incoming, [new(ZhangSan, CivilAffairs("张三", "1985-03-02", "male", "110105001002", "13800000000", ZhangSanId))]);

        Assert.Equal(MatchOutcome.NoMatch, decision.Outcome);
        Assert.Empty(decision.Candidates);
        Assert.Equal(ZhangSan, decision.Best!.Person);
        Assert.True(decision.Score < TestRules.Shipped.PossibleMatchThreshold);
    }

    [Fact]
    public void No_candidates_means_no_match()
    {
        var decision = Matcher.Evaluate(Housing("王伟", "110105001002", null, null), []);

        Assert.Equal(MatchOutcome.NoMatch, decision.Outcome);
        Assert.Null(decision.Score);
    }

    [Fact]
    public void A_person_is_compared_with_every_record_held_for_them()
    {
        // The police hold the new residence, civil affairs still the old one; the incoming row shows the old one.
        var incoming = CivilAffairs("张三", "1985-03-02", "male", "110108006007", "13800000000", id: null);
        MatchCandidate[] records =
        [
            new(ZhangSan, Police("张三", "1985-03-02", "male", "110105001002", ZhangSanId)),
            new(ZhangSan, CivilAffairs("张三", "1985-03-02", "male", "110108006007", "13800000000", ZhangSanId)),
        ];

        var decision = Matcher.Evaluate(incoming, records);

        Assert.Equal(MatchOutcome.Match, decision.Outcome);
        Assert.Contains(decision.Candidates[0].Fields, f => f is { Field: MatchField.ResidenceDivision, Level: ComparisonLevel.Exact });
        Assert.Contains(decision.Candidates[0].Fields, f => f is { Field: MatchField.Phone, Level: ComparisonLevel.Exact });
    }

    [Fact]
    public void A_phone_a_household_shares_still_links_a_namesake_of_the_community()
    {
        // Name, community and phone reach the match threshold; the landline is the household's, held by three persons.
        var incoming = Housing("王秀英", "110105001002", "01065001234", id: null);
        var decision = Matcher.Evaluate(incoming, [new(FirstWangWei, Housing("王秀英", "110105001002", "01065001234", id: null)), .. Holders("01065001234", 2)]);

        Assert.Equal(MatchOutcome.Match, decision.Outcome);
        Assert.Equal(FirstWangWei, decision.MatchedPerson);
        Assert.Contains(decision.Candidates[0].Fields, f => f is { Field: MatchField.Phone, Level: ComparisonLevel.Exact });
    }

    [Fact]
    public void A_phone_held_by_more_persons_than_a_household_counts_for_nothing()
    {
        // A care home's phone, held by eleven of its residents: one of them a namesake of the incoming resident, who
        // may be another person. Agreeing on the phone no longer links them; with the birth date too it still does.
        var incoming = Housing("王秀英", "110105001002", "01065001234", id: null);
        MatchCandidate[] candidates = [new(FirstWangWei, Housing("王秀英", "110105001002", "01065001234", id: null)), .. Holders("01065001234", PersonMatcher.SharedPhoneHolders)];

        var decision = Matcher.Evaluate(incoming, candidates);

        Assert.NotEqual(MatchOutcome.Match, decision.Outcome);
        Assert.All(Matcher.Rank(incoming, candidates), c => Assert.Contains(c.Fields, f => f is { Field: MatchField.Phone, Level: ComparisonLevel.Missing }));
        var withBirthDate = CivilAffairs("王秀英", "1942-03-08", "female", "110105001002", "01065001234", id: null);
        MatchCandidate[] known = [new(FirstWangWei, CivilAffairs("王秀英", "1942-03-08", "female", "110105001002", "01065001234", id: null)), .. Holders("01065001234", PersonMatcher.SharedPhoneHolders)];
        Assert.Equal(FirstWangWei, Matcher.Evaluate(withBirthDate, known).MatchedPerson);
    }

    [Fact]
    public void A_provisional_persons_unusable_numbers_contradict_only_when_none_of_them_agrees()
    {
        // A person known only from rows without a usable ID: one mangled by a spreadsheet, one with a wrong check character.
        var provisional = Key('f');
        MatchCandidate[] records =
        [
            new(provisional, CivilAffairs("张三", "1985-03-02", "male", "110105001002", "13800000000", "1.10105E+17")),
            new(provisional, CivilAffairs("张三", "1985-03-02", "male", "110105001002", "13800000000", ZhangSanId[..17])),
        ];
        var incoming = CivilAffairs("张三", "1985-03-02", "male", "110105001002", "13800000000", ZhangSanId[..17]);

        var decision = Matcher.Evaluate(incoming, records);

        Assert.Equal(MatchOutcome.Match, decision.Outcome);
        Assert.False(decision.Best!.IdConflict);
        Assert.Contains(decision.Best.Fields, f => f is { Field: MatchField.ResidentId, Level: ComparisonLevel.Exact });
    }

    [Fact]
    public void The_decision_does_not_depend_on_the_order_of_the_candidates()
    {
        var incoming = Housing("王伟", "110105001002", phone: null, id: null);
        MatchCandidate[] candidates =
        [
            new(SecondWangWei, Police("王伟", "1980-05-05", "male", "110105001002", IdNumbers.Complete("11010519800505031"))),
            new(FirstWangWei, Police("王伟", "1975-07-07", "male", "110105001002", IdNumbers.Complete("11010519750707051"))),
            new(ZhangSan, Police("张三", "1985-03-02", "male", "110105001002", ZhangSanId)),
        ];

        var forwards = Matcher.Evaluate(incoming, candidates);
        var backwards = Matcher.Evaluate(incoming, [.. candidates.Reverse()]);

        Assert.Equal(forwards.Outcome, backwards.Outcome);
        Assert.Equal(forwards.Candidates.Select(c => (c.Person, c.Score)), backwards.Candidates.Select(c => (c.Person, c.Score)));
    }

    [Fact]
    public void A_name_with_one_character_inserted_and_no_birth_date_is_a_candidate_for_the_steward_not_a_link()
    {
        var known = Police("张三", "1985-03-02", "male", "110105001002", ZhangSanId);
        var incoming = Housing("张小三", "110105001002", phone: null, id: null);

        // Candidate search finds the person under a key both records have; the matcher then queues, never links.
        Assert.NotEmpty(BlockingKeys.For(incoming).Intersect(BlockingKeys.For(known)));
        var decision = Matcher.Evaluate(incoming, [new(ZhangSan, known)]);

        Assert.Equal(MatchOutcome.PossibleMatch, decision.Outcome);
        Assert.Equal(ZhangSan, Assert.Single(decision.Candidates).Person);
        Assert.Equal(ComparisonLevel.Similar, decision.Candidates[0].Fields.Single(f => f.Field == MatchField.Name).Level);
    }

    private static PersonKey Key(char c) => PersonKey.Parse(new string(c, 32));

    // Other persons of the community holding the phone, each with a name of their own.
    private static IEnumerable<MatchCandidate> Holders(string phone, int count) =>
        Enumerable.Range(0, count).Select(i => new MatchCandidate(PersonKey.Parse($"{i + 1:x32}"), Housing(Surnames[i % Surnames.Length] + "德明", "110105001002", phone, id: null)));

    private static MatchRecord Police(string name, string birthDate, string sex, string division, string? id) =>
        MatchRecord.FromAttributes(
            new Dictionary<string, string> { ["name"] = name, ["birthDate"] = birthDate, ["sex"] = sex, ["residenceDivision"] = division, ["registrationDivision"] = division },
            id ?? string.Empty);

    private static MatchRecord CivilAffairs(string name, string birthDate, string sex, string division, string phone, string? id) =>
        MatchRecord.FromAttributes(
            new Dictionary<string, string> { ["name"] = name, ["birthDate"] = birthDate, ["sex"] = sex, ["residenceDivision"] = division, ["registrationDivision"] = division, ["phone"] = phone },
            id ?? string.Empty);

    private static MatchRecord Housing(string name, string division, string? phone, string? id)
    {
        var attributes = new Dictionary<string, string> { ["name"] = name, ["residenceDivision"] = division };
        if (phone is not null)
        {
            attributes["phone"] = phone;
        }

        return MatchRecord.FromAttributes(attributes, id ?? string.Empty);
    }
}
