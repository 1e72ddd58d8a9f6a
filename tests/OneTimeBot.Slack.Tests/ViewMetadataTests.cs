using OneTimeBot.Slack.Views;

namespace OneTimeBot.Slack.Tests;

public sealed class ViewMetadataTests
{
    [Fact]
    public void Printing_a_modals_metadata_leaves_out_the_receipt_id_and_the_response_url()
    {
        var metadata = new ViewMetadata("https://hooks.slack.com/commands/T0ACME/1/Xy9secretpath", "C0GENERAL", "r0000000000000000000000abc");

        var printed = metadata.ToString();

        Assert.DoesNotContain("r0000000000000000000000abc", printed, StringComparison.Ordinal);
        Assert.DoesNotContain("Xy9secretpath", printed, StringComparison.Ordinal);
        Assert.Contains("C0GENERAL", printed, StringComparison.Ordinal);
    }

    [Fact]
    public void A_modals_metadata_comes_back_as_it_was_written()
    {
        var metadata = new ViewMetadata("https://hooks.slack.com/commands/T0ACME/1/Xy9", "C0GENERAL", "r0000000000000000000000abc") { TrackedId = "t1" };

        Assert.Equal(metadata, ViewMetadata.Read(metadata.Write()));
    }
}
