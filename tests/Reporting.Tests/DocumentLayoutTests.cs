using HoanKiem.Reporting.Documents;
using Xunit;

namespace HoanKiem.Reporting.Tests;

public sealed class DocumentLayoutTests
{
    [Theory]
    [InlineData("2019-12-06", "ngày 06 tháng 12 năm 2019")]
    [InlineData("2020-02-05", "ngày 05 tháng 02 năm 2020")]
    [InlineData("2020-03-15", "ngày 15 tháng 3 năm 2020")]
    public void A_document_date_writes_small_days_and_the_first_two_months_with_a_zero(string date, string written) =>
        Assert.Equal(written, HoanKiem.ServiceDefaults.VietnamTime.WrittenDate(DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture)));

    [Theory]
    [InlineData(201903, "2026-12-07", "2019-04-01")]
    [InlineData(201912, "2026-12-07", "2020-01-01")]
    [InlineData(202612, "2026-12-07", "2026-12-07")]
    public void A_months_notice_is_dated_the_day_after_the_month_or_today_while_it_runs(int month, string today, string issued) =>
        Assert.Equal(DateOnly.Parse(issued, System.Globalization.CultureInfo.InvariantCulture),
            MonthlyNotice.IssuedOn(month, DateOnly.Parse(today, System.Globalization.CultureInfo.InvariantCulture)));
}
