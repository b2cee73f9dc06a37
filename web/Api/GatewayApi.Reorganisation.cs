namespace HoanKiem.Web.Api;

/// <summary>The 2025 reorganisation: nominees' wards written by an old ward's name that was split, for the secretariat to confirm.</summary>
public sealed partial class GatewayApi
{
    /// <summary>
    /// The year's rules with its organiser: a ward of the seed by <paramref name="areaCode"/> (its area's wards then come
    /// from the seed, so the list typed is not sent), or the district when null.
    /// </summary>
    public Task<ApiResult<ContestSettings>> PutContestAsync(int year, ContestSettings contest, string? areaCode, string idempotencyKey) =>
        SendAsync<ContestSettings>(HttpMethod.Put, $"/api/contests/{year}", new
        {
            contest.Title, contest.OpensAt, contest.ClosesAt, contest.MinWords, contest.MaxWords,
            DistrictWards = areaCode is null ? contest.DistrictWards : null,
            Organiser = areaCode is null ? null : new { AreaCode = areaCode }
        }, idempotencyKey);

    /// <summary>The organisers the contest page offers: the district until 1 July 2025, the wards formed from it after.</summary>
    public static readonly (string? AreaCode, string Name)[] Organisers =
    [
        (null, "Ủy ban nhân dân quận Hoàn Kiếm (đến 30/06/2025)"),
        ("phuong-hoan-kiem", "Ủy ban nhân dân phường Hoàn Kiếm (từ 01/07/2025)"),
        ("phuong-cua-nam", "Ủy ban nhân dân phường Cửa Nam (từ 01/07/2025)"),
        ("phuong-hong-ha", "Ủy ban nhân dân phường Hồng Hà (từ 01/07/2025)")
    ];

    public Task<ApiResult<List<WardToConfirm>>> WardsToConfirmAsync(int year) =>
        AllAsync<WardToConfirm>($"/api/contests/{year}/ward-confirmations?status=pending");

    public Task<ApiResult<WardCheck>> ConfirmWardAsync(int year, Guid entryId, string ward, string idempotencyKey) =>
        SendAsync<WardCheck>(HttpMethod.Post, $"/api/contests/{year}/entries/{entryId}/ward-confirmation", new { ward }, idempotencyKey);
}
