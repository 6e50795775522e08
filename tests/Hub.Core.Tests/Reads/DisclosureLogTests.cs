using Hub.Core.Audit;
using Hub.Core.Reads;
using Hub.Core.Tests.Profiles;

namespace Hub.Core.Tests.Reads;

public sealed class DisclosureLogTests
{
    [Fact]
    public void A_read_hands_out_the_persons_it_touched_once_each_in_order_and_the_fields_it_gave()
    {
        var log = new DisclosureLog();
        var other = Hub.Core.Kernel.PersonKey.Parse(new string('a', 32));
        log.Touch(TestFacts.Key);
        log.Touch(other);
        log.Touch(TestFacts.Key);
        log.Disclose("name", masked: true);
        log.Disclose("phone", masked: false);
        log.RecordCount = 2;

        var disclosed = log.Answer("answer").Disclosed;

        Assert.Equal([TestFacts.Key, other], disclosed.Persons);
        Assert.Equal([new DisclosedField("name", true), new DisclosedField("phone", false)], disclosed.Fields);
        Assert.Equal((false, 2), (disclosed.Denied, disclosed.RecordCount));
    }

    [Fact]
    public void A_denied_look_names_the_person_it_was_about_and_answers_nothing()
    {
        var log = new DisclosureLog();
        log.Deny(TestFacts.Key);

        var read = log.Answer<string>(null);

        Assert.Null(read.Value);
        Assert.True(read.Disclosed.Denied);
        Assert.Equal([TestFacts.Key], read.Disclosed.Persons);
        Assert.Null(read.Disclosed.RecordCount);
    }
}
