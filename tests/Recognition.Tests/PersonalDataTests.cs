using HoanKiem.Contracts;
using HoanKiem.TestSupport;
using Xunit;

namespace HoanKiem.Recognition.Tests;

/// <summary>A nominee's correction and erasure, as submission publishes them, in the register, the audit trail and the file.</summary>
public sealed class PersonalDataTests(RecognitionFixture fixture)
{
    private const string Erased = PersonalDataErased.Placeholder;

    [Fact]
    public async Task Erased_nominee_reads_as_erased_and_leaves_no_copy_in_the_file_and_the_audit_keeps_the_erasure()
    {
        var year = fixture.NewYear();
        var (misspelt, name) = ($"Phạm Thị Ngat {year}", $"Phạm Thị Ngát {year}");
        var entryId = await fixture.AcceptEntryAsync(year, misspelt, "Hàng Bạc");
        await fixture.WaitForRegisterAsync(year, 1, 1);
        await fixture.Bus.PublishAsync(new NomineeCorrected(entryId, year, name, "Hàng Bạc", "secretariat", DateTimeOffset.UtcNow));
        await Eventually.Until(() => fixture.NomineesAsync(year), items => items[0].GetProperty("fullName").GetString() == name);
        Assert.True(DatabaseBytes.Hold(fixture.Service.DatabasePath, misspelt, name));

        var erasure = new PersonalDataErased(entryId, year, PersonRole.Nominee, "Bài dự thi", "secretariat", DateTimeOffset.UtcNow);
        var (first, again) = (Guid.NewGuid(), Guid.NewGuid());
        await fixture.Bus.PublishAsync(erasure, first);
        await fixture.Bus.PublishAsync(erasure, again);
        await fixture.Deliveries.WaitForAsync([first, again]);
        var nominee = (await Eventually.Until(() => fixture.NomineesAsync(year), items => items[0].GetProperty("fullName").GetString() == Erased))[0];
        Assert.Equal(Erased, nominee.GetProperty("ward").GetString());
        Assert.Equal(entryId, nominee.GetProperty("entryId").GetGuid());

        var audit = (await Eventually.Until(() => fixture.GetAsync($"/api/recognition/{year}/audit?pageSize=200"),
            page => page.GetProperty("items").EnumerateArray().Any(a => a.GetProperty("action").GetString() == "personal-data.erased"))).GetProperty("items");
        var erased = Assert.Single(audit.EnumerateArray(), a => a.GetProperty("action").GetString() == "personal-data.erased");
        Assert.Equal("secretariat", erased.GetProperty("actorId").GetString());
        Assert.Equal("nominee", erased.GetProperty("changes").GetProperty("person").GetString());
        Assert.Contains(audit.EnumerateArray(), a => a.GetProperty("action").GetString() == "nominee.introduced");
        var named = audit.EnumerateArray().Select(a => a.GetProperty("changes"))
            .Where(c => c.ValueKind == System.Text.Json.JsonValueKind.Object && c.TryGetProperty("fullName", out _)).ToList();
        Assert.NotEmpty(named);
        Assert.All(named, c => Assert.Equal((Erased, Erased), (c.GetProperty("fullName").GetString(), c.GetProperty("ward").GetString())));
        Assert.False(DatabaseBytes.Hold(fixture.Service.DatabasePath, misspelt, name, "pham thi ngat"));
    }

    [Fact]
    public async Task Erased_introduction_that_arrives_late_introduces_no_one_else()
    {
        var year = fixture.NewYear();
        await fixture.AcceptEntryAsync(year, Erased, Erased);
        await fixture.AcceptEntryAsync(year, Erased, Erased);
        var items = await fixture.WaitForRegisterAsync(year, 2, 2);
        Assert.All(items.EnumerateArray(), n => Assert.Equal(Erased, n.GetProperty("fullName").GetString()));
    }

    [Fact]
    public async Task Author_erasure_changes_nothing_here_and_an_older_correction_arriving_late_is_ignored()
    {
        var year = fixture.NewYear();
        var entryId = await fixture.AcceptEntryAsync(year, "Lê Văn Tám", "Hàng Gai");
        await fixture.WaitForRegisterAsync(year, 1, 1);
        var now = DateTimeOffset.UtcNow;
        await fixture.Bus.PublishAsync(new NomineeCorrected(entryId, year, "Lê Văn Tâm", "Hàng Gai", "secretariat", now));
        await Eventually.Until(() => fixture.NomineesAsync(year), items => items[0].GetProperty("fullName").GetString() == "Lê Văn Tâm");
        var (late, author) = (Guid.NewGuid(), Guid.NewGuid());
        await fixture.Bus.PublishAsync(new NomineeCorrected(entryId, year, "Lê Văn Tam", "Hàng Gai", "secretariat", now.AddSeconds(-1)), late);
        await fixture.Bus.PublishAsync(new PersonalDataErased(entryId, year, PersonRole.Author, "Bài dự thi", "secretariat", now), author);
        await fixture.Deliveries.WaitForAsync([late, author]);

        Assert.Equal("Lê Văn Tâm", (await fixture.NomineesAsync(year))[0].GetProperty("fullName").GetString());
    }
}
