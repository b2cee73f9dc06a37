using HoanKiem.Contracts;
using HoanKiem.TestSupport;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace HoanKiem.Judging.Tests;

/// <summary>A person's name taken out of an entry's text reaches the panel's copy, whatever order the events take.</summary>
public sealed class PersonalDataTests(JudgingFixture fixture)
{
    [Fact]
    public async Task Redacted_text_replaces_the_panels_copy_and_leaves_no_copy_of_the_name_in_the_file()
    {
        var year = fixture.NewYear();
        var id = Guid.NewGuid();
        var name = $"Phạm Thị Ngát {year}";
        var at = DateTimeOffset.UtcNow;
        await fixture.Bus.PublishAsync(new EntryTextSubmitted(id, year, "phuong-hang-bac", $"Bà {name}", $"{TestData.Article(year)} Về bà {name}.", "urban", 1400, at));
        await Eventually.Until(() => fixture.QueryAsync(db => db.Entries.AnyAsync(e => e.Id == id)), known => known);
        Assert.True(DatabaseBytes.Hold(fixture.Service.DatabasePath, name));

        var (newer, older) = (Guid.NewGuid(), Guid.NewGuid());
        await fixture.Bus.PublishAsync(new EntryTextRedacted(id, year, "Bà (đã xoá)", $"{TestData.Article(year)} Về bà (đã xoá).", at.AddMinutes(2)), newer);
        await fixture.Deliveries.WaitForAsync(newer);
        await fixture.Bus.PublishAsync(new EntryTextRedacted(id, year, "Bà (đã xoá) cũ", "cũ", at.AddMinutes(1)), older);
        await fixture.Deliveries.WaitForAsync(older);

        var entry = await fixture.QueryAsync(db => db.Entries.AsNoTracking().SingleAsync(e => e.Id == id));
        Assert.Equal("Bà (đã xoá)", entry.Title);
        Assert.EndsWith("Về bà (đã xoá).", entry.Body);
        Assert.False(DatabaseBytes.Hold(fixture.Service.DatabasePath, name));
    }

    [Fact]
    public async Task Text_submitted_after_its_redaction_does_not_bring_the_name_back()
    {
        var year = fixture.NewYear();
        var id = Guid.NewGuid();
        var at = DateTimeOffset.UtcNow;
        await fixture.Bus.PublishAsync(new EntryWithdrawn(id, year, "phuong-hang-bac", at));
        await Eventually.Until(() => fixture.QueryAsync(db => db.Entries.AnyAsync(e => e.Id == id)), known => known);
        var redaction = Guid.NewGuid();
        await fixture.Bus.PublishAsync(new EntryTextRedacted(id, year, "Bà (đã xoá)", "Về bà (đã xoá).", at.AddMinutes(1)), redaction);
        await fixture.Deliveries.WaitForAsync(redaction);
        var text = Guid.NewGuid();
        await fixture.Bus.PublishAsync(new EntryTextSubmitted(id, year, "phuong-hang-bac", "Bà Lê Thị Hồng", "Về bà Lê Thị Hồng.", "urban", 1400, at), text);
        await fixture.Deliveries.WaitForAsync(text);

        var entry = await fixture.QueryAsync(db => db.Entries.AsNoTracking().SingleAsync(e => e.Id == id));
        Assert.Equal(("Bà (đã xoá)", "Về bà (đã xoá).", 1400), (entry.Title, entry.Body, entry.WordCount));
    }
}
