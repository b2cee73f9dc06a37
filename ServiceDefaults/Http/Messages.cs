namespace HoanKiem.ServiceDefaults.Http;

/// <summary>
/// Every problem title and detail the services answer, in Vietnamese and English, kept in one place so the wording
/// stays consistent and a translation is never missing. The stable <c>code</c> stays at the call site.
/// </summary>
public static class Messages
{
    private static string List(IEnumerable<string> items) => string.Join(", ", items);

    // Titles and details shared by every service.

    public static Message TitleFor(int status) => status switch
    {
        400 => new("Yêu cầu không hợp lệ", "Invalid request"),
        401 => new("Cần xác thực", "Authentication required"),
        403 => new("Không được phép", "Forbidden"),
        404 => new("Không tìm thấy", "Not found"),
        405 => new("Phương thức không được hỗ trợ", "Method not allowed"),
        406 => new("Không có định dạng phù hợp", "Not acceptable"),
        409 => new("Xung đột", "Conflict"),
        413 => new("Nội dung yêu cầu quá lớn", "Request body too large"),
        415 => new("Kiểu nội dung không được hỗ trợ", "Unsupported media type"),
        422 => new("Không đáp ứng quy định", "Rule not met"),
        429 => new("Quá nhiều yêu cầu", "Too many requests"),
        503 => new("Dịch vụ tạm thời không sẵn sàng", "Service unavailable"),
        >= 500 => new("Lỗi hệ thống", "Internal error"),
        _ => new("Yêu cầu không thành công", "Request failed")
    };

    /// <summary>The detail of an answer that has only a status (no route, no token, an unhandled error).</summary>
    public static Message? DetailFor(int status) => status switch
    {
        401 => new("Cần gửi mã truy cập hợp lệ trong tiêu đề Authorization: Bearer.", "Send a valid access token in the Authorization: Bearer header."),
        403 => Forbidden,
        404 => new("Không có địa chỉ này.", "There is no such resource."),
        405 => new("Địa chỉ này không nhận phương thức HTTP đã gửi.", "This resource does not take that HTTP method."),
        >= 500 => new("Hệ thống gặp lỗi khi xử lý yêu cầu; hãy thử lại sau.", "Something went wrong while handling the request; try again later."),
        _ => null
    };

    public static readonly Message Forbidden = new(
        "Vai trò hoặc đơn vị của bạn không được phép thực hiện thao tác này.", "Your role or unit does not allow this call.");

    public static readonly Message InvalidFields = new("Một hoặc nhiều trường không hợp lệ.", "One or more fields are invalid.");

    public static readonly Message MalformedRequest = new(
        "Không đọc được yêu cầu: hãy kiểm tra nội dung là JSON đúng cấu trúc đã mô tả và các tham số truy vấn đúng kiểu.",
        "The request could not be read: check that the body is valid JSON of the documented shape and that query values have the right types.");

    public static Message InvalidText(string field) => new(
        $"Trường {field} chứa ký tự không được phép: ký tự điều khiển (chỉ cho phép xuống dòng và tab trong văn bản nhiều dòng), ký tự không phải chữ và ký tự đảo chiều văn bản.",
        $"{field} holds a character that text may not hold: control characters (line breaks and tabs only in multi-line text), noncharacters and bidirectional overrides are refused.");

    public static Message TooLarge(long kilobytes) => new(
        $"Nội dung yêu cầu lớn hơn {kilobytes} KB.", $"The request body is larger than {kilobytes} KB.");

    public static readonly Message InvalidPaging = new("Giá trị phân trang không hợp lệ.", "Invalid paging values.");

    public static readonly Message InvalidMonth = new("Tháng không hợp lệ.", "The month is not a calendar month.");

    public static readonly Message IdempotencyKeyReused = new(
        "Idempotency-Key này đã được dùng trước đó cho một yêu cầu khác.", "This Idempotency-Key was used before with a different request.");

    public static readonly Message IdempotencyInProgress = new(
        "Yêu cầu với Idempotency-Key này vẫn đang được xử lý; hãy thử lại sau giây lát.",
        "A request with this Idempotency-Key is still being processed; try again shortly.");

    public static Message RateLimited(int permitsPerSecond) => new(
        $"Ứng dụng này gửi quá {permitsPerSecond} yêu cầu mỗi giây; hãy chờ rồi thử lại.",
        $"This client sends more than {permitsPerSecond} requests per second; wait and try again.");

    public static Message NotAcceptable(params string[] mediaTypes) => new(
        $"Nội dung này chỉ được cung cấp dưới dạng {string.Join(" hoặc ", mediaTypes)}.", $"This is served only as {string.Join(" or ", mediaTypes)}.");

    public static readonly Message ConcurrentChange = new(
        "Một thay đổi khác trên cùng dữ liệu vừa được lưu cùng lúc; hãy đọc lại rồi thử lại.",
        "Another change to the same records was saved at the same moment; read them again and retry.");

    // The gateway's token endpoint.

    public static readonly Message TokenRequestUnreadable = new(
        "Hãy gửi application/x-www-form-urlencoded gồm grant_type, client_id và client_secret.",
        "Send application/x-www-form-urlencoded with grant_type, client_id and client_secret.");

    public static readonly Message UnsupportedGrantType = new(
        "Chỉ hỗ trợ grant_type=client_credentials.", "Only grant_type=client_credentials is supported.");

    public static readonly Message ClientCredentialsRequired = new("Cần có client_id và client_secret.", "client_id and client_secret are required.");

    public static readonly Message InvalidClient = new("Không có ứng dụng này hoặc sai mật khẩu.", "Unknown client or wrong secret.");

    public static readonly Message CredentialsUnavailable = new(
        "Dịch vụ giữ thông tin đăng nhập của ứng dụng này chưa trả lời; hãy thử lại sau giây lát.",
        "The service that keeps this client's credentials does not answer; try again in a moment.");

    // Units, contests and entries (submission).

    public static Message ContestNotFound(int year) => new($"Chưa có cuộc thi năm {year}.", $"There is no contest for {year}.");

    public static Message UnitNotFound(string code) => new($"Không có đơn vị mã '{code}'.", $"There is no unit '{code}'.");

    public static Message UnitsNotFound(IEnumerable<string> codes) => new(
        $"Không có đơn vị nào đã đăng ký với mã {List(codes)}.", $"No registered unit has the code(s) {List(codes)}.");

    public static Message UnitExists(string registeredCode) => new(
        $"Đã có đơn vị mã '{registeredCode}' (mã đơn vị không phân biệt chữ hoa, chữ thường).",
        $"A unit with code '{registeredCode}' already exists (unit codes match without regard to case).");

    public static Message UnitInactive(string code) => new(
        $"Đơn vị '{code}' đã ngừng hoạt động nên không gửi bài dự thi được nữa.", $"Unit '{code}' is deactivated and can no longer submit entries.");

    public static Message UnitAlreadySucceeded(string code, string kind, DateOnly on)
    {
        var (vi, en) = Language.Date(on);
        return kind == "merged"
            ? new($"Đơn vị '{code}' đã được sáp nhập từ ngày {vi}.", $"Unit '{code}' was merged on {en}.")
            : new($"Đơn vị '{code}' đã được chia tách từ ngày {vi}.", $"Unit '{code}' was split on {en}.");
    }

    public static Message SuccessorInactive(IEnumerable<string> codes) => new(
        $"Đơn vị tiếp nhận {List(codes)} đã ngừng hoạt động.", $"The receiving unit(s) {List(codes)} are deactivated.");

    public static readonly Message SubmitsOnlyForItself = new("Đơn vị chỉ gửi bài dự thi của chính mình.", "A unit submits entries only for itself.");

    public static readonly Message SeesOnlyItself = new(
        "Đơn vị chỉ xem được số liệu và bài dự thi của chính mình.", "A unit sees only its own entries and figures.");

    public static readonly Message EntryNotFound = new("Không có bài dự thi này của đơn vị bạn.", "There is no such entry for your unit.");

    public static readonly Message PersonalDataErased = new(
        "Dữ liệu cá nhân của người này đã bị xoá khỏi bài dự thi và không được nhập lại.",
        "That person's data was erased from this entry and is not taken again.");

    public static Message ForwardingBatchNotFound(Guid id, int year) => new(
        $"Không có đợt gửi thành phố {id} trong năm {year}.", $"No forwarding batch {id} in {year}.");

    public static Message EntriesNotForwardable(IEnumerable<Guid> ids, int year) => new(
        $"Không gửi được lên thành phố các bài không có hoặc đã rút trong năm {year}: {List(ids.Select(i => i.ToString()))}.",
        $"Entries not found or withdrawn in {year} cannot be forwarded to the city: {List(ids.Select(i => i.ToString()))}.");

    public static Message EntriesAlreadyForwarded(IEnumerable<string> batches) => new(
        $"Có bài đã được gửi lên thành phố trong đợt {List(batches)}; mỗi bài chỉ gửi một lần.",
        $"Some entries were forwarded to the city already, in {List(batches)}; each entry goes once.");

    public static Message RefusalNotFound(Guid id, int year) => new(
        $"Không có lần gửi bị từ chối {id} trong năm {year}.", $"No refused attempt {id} in {year}.");

    public static readonly Message OnlyOwnUnitWithdraws = new("Chỉ đơn vị đã gửi bài mới rút được bài.", "Only the entry's own unit withdraws it.");

    public static readonly Message ClosedForWithdrawal = new(
        "Cuộc thi đã kết thúc: không rút bài dự thi được nữa.", "The contest has closed: entries can no longer be withdrawn.");

    // The contest's rules at the door: each explanation names the limit the entry missed.

    public static Message ContestClosed(int year, DateTimeOffset opensAt, DateTimeOffset closesAt)
    {
        var (opensVi, opensEn) = Language.Instant(opensAt);
        var (closesVi, closesEn) = Language.Instant(closesAt);
        return new($"Cuộc thi năm {year} nhận bài từ {opensVi} đến trước {closesVi}.",
            $"The {year} contest takes entries from {opensEn} until {closesEn}.");
    }

    public static Message InvalidField(IEnumerable<(string Code, string Name)> fields) => new(
        $"Lĩnh vực của bài phải là một trong: {List(fields.Select(f => $"{f.Code} ({f.Name})"))}.",
        $"field is one of {List(fields.Select(f => f.Code))}.");

    public static readonly Message MissingAuthorInfo = new(
        "Bài viết phải ghi rõ họ tên người dự thi và số điện thoại hoặc thư điện tử.",
        "The author's full name and a phone or an e-mail are required.");

    public static readonly Message MissingNomineeInfo = new(
        "Bài viết phải ghi rõ họ tên và phường của người được giới thiệu (nominee.address.ward).",
        "The nominee's full name and ward (nominee.address.ward) are required.");

    /// <param name="area">The organiser's area as Vietnamese writes it, e.g. "quận Hoàn Kiếm", "phường Hoàn Kiếm".</param>
    public static Message NomineeOutsideDistrict(string ward, string area) => new(
        $"Người được giới thiệu ở phường '{ward}', không thuộc địa bàn {area}.",
        $"The nominee's ward '{ward}' is not in the organiser's area ({area}).");

    public static Message WardNotACandidate(string ward, IEnumerable<string> candidates) => new(
        $"'{ward}' không phải là phường đã tiếp nhận địa bàn cũ này; hãy chọn một trong: {List(candidates)}.",
        $"'{ward}' is not one of the wards the old ward went into: {List(candidates)}.");

    public static readonly Message WardNotToConfirm = new(
        "Phường của người được giới thiệu trong bài này không cần xác nhận.", "This entry's nominee ward has nothing to confirm.");

    public static Message WordCountOutOfRange(int wordCount, int minWords, int maxWords)
    {
        var (countVi, countEn) = Language.Number(wordCount);
        var (minVi, minEn) = Language.Number(minWords);
        var (maxVi, maxEn) = Language.Number(maxWords);
        return new($"Bài viết có {countVi} từ; Thể lệ yêu cầu từ {minVi} đến {maxVi} từ.",
            $"The entry has {countEn} words; the rules ask for {minEn} to {maxEn}.");
    }

    /// <summary>A repeated article; the original's unit is named only to those allowed to know it.</summary>
    public static Message DuplicateEntry(DateTimeOffset originalReceivedAt, string? originalUnitCode)
    {
        var (vi, en) = Language.Instant(originalReceivedAt);
        return originalUnitCode is null
            ? new($"Bài viết trùng với một bài đã nhận lúc {vi}.", $"This article repeats an entry received on {en}.")
            : new($"Bài viết trùng với bài của đơn vị '{originalUnitCode}' đã nhận lúc {vi}.",
                $"This article repeats an entry received from unit '{originalUnitCode}' on {en}.");
    }

    // Judging.

    public static Message JudgingFinalized(int year) => new(
        $"Kết quả năm {year} đã chốt: điểm, thiết lập và phân công không thay đổi được nữa.",
        $"The {year} results are final: scores, settings and assignments are frozen.");

    public static Message JudgingNotFinalized(int year) => new($"Kết quả năm {year} chưa được chốt.", $"The {year} results are not final yet.");

    public static readonly Message RubricLocked = new(
        "Giám khảo đã chấm theo thang điểm hiện tại nên không đổi được thang điểm nữa.",
        "Judges have already scored against the current rubric, so it can no longer change.");

    public static readonly Message PanelChanged = new(
        "Thiết lập của Ban giám khảo đã thay đổi trong lúc lưu; hãy đọc lại rồi thử lại.",
        "The panel changed while these settings were saved; read them again and retry.");

    public static readonly Message AssignmentInProgress = new(
        "Một lượt phân công hoặc chốt kết quả khác vừa thay đổi Ban giám khảo; hãy chạy lại.",
        "Another assignment run or finalisation changed the panel at the same time; run it again.");

    public static readonly Message JudgeSeesOnlyOwnYear = new(
        "Giám khảo chỉ xem được thiết lập và kết quả của năm mình chấm.", "A judge sees only the settings and results of the year they judge.");

    public static readonly Message NotOnPanel = new("Bạn không có tên trong Ban giám khảo năm nay.", "You are not on this year's panel.");

    public static readonly Message NotAssigned = new("Bài này không được phân công cho bạn.", "This entry is not assigned to you.");

    public static Message ScoresOutOfRange(IEnumerable<(string Criterion, int MaxPoints, decimal Given)> scores) => new(
        string.Join(" ", scores.Select(s => $"Tiêu chí '{s.Criterion}' chấm từ 0 đến {s.MaxPoints} điểm, không phải {s.Given}.")),
        string.Join(" ", scores.Select(s => $"'{s.Criterion}' takes 0 to {s.MaxPoints} points, not {s.Given}.")));

    public static readonly Message NoJudges = new(
        "Năm nay chưa có giám khảo: hãy thêm giám khảo trước khi phân công bài.",
        "There are no judges for this year: add judges before assigning entries.");

    public static Message TooFewJudgesFreeOfConflict(IReadOnlyList<string> units, int needed) => new(
        $"Bài của {List(units)} cần {needed} giám khảo không cùng đơn vị, nhưng quá ít giám khảo không thuộc đơn vị nào hoặc thuộc đơn vị khác: hãy thêm giám khảo từ đơn vị khác.",
        $"Entries from {List(units)} need {needed} judges free of conflict, but too few judges belong to no unit or to another unit: add judges from other units.");

    public static Message UnevenLoads(int unfilled, int needed, IReadOnlyList<string> units) => new(
        $"Không có cách phân công nào giữ số bài của mọi giám khảo chênh nhau không quá 1 mà vẫn tránh bài của chính đơn vị họ: " +
        $"{unfilled} trên {needed} lượt chấm còn trống. Các bài chưa phân công được đến từ {List(units)}: hãy thêm giám khảo từ đơn vị khác, " +
        "hoặc gửi allowUneven=true để phân công đều nhất có thể.",
        $"No assignment keeps every judge's load within 1 of the others while keeping judges off entries from their own unit: " +
        $"{unfilled} of {needed} judge slots stay empty. The entries that cannot be covered come from {List(units)}: add judges " +
        "from other units, or ask for allowUneven=true to assign with the most even loads possible.");

    public static Message RankedEntryNotFound(Guid entryId, int year) => new(
        $"Không có bài {entryId} trong bảng xếp hạng năm {year}.", $"No ranked entry {entryId} in {year}.");

    public static readonly Message EntryNotForwarded = new(
        "Chỉ bài được gửi dự thi cấp thành phố mới có kết quả cấp thành phố.", "Only entries forwarded to the city have a city outcome.");

    public static Message ScoresMissing(int missing) => new(
        $"Còn {missing} lượt chấm chưa có điểm: mỗi giám khảo cần chấm xong các bài được phân công trước.",
        $"{missing} assigned scores are still missing: every judge scores every entry assigned to them first.");

    public static Message EntriesUnassigned(int unassigned, int judgesPerEntry) => new(
        $"{unassigned} bài có ít hơn {judgesPerEntry} giám khảo: hãy chạy phân công trước.",
        $"{unassigned} entries have fewer than {judgesPerEntry} judges: run the assignment first.");

    public static Message NothingToRank(int year) => new($"Năm {year} không có bài nào đang được chấm.", $"No entry is in judging for {year}.");

    public static Message JudgingEntryNotFound(Guid entryId, int year) => new(
        $"Không có bài {entryId} trong các bài chấm năm {year}.", $"No entry {entryId} is judged in {year}.");

    public static Message JudgeRemoved(string fullName) => new(
        $"Giám khảo {fullName} đã được rút khỏi Ban giám khảo.", $"Judge {fullName} has already been taken off the panel.");

    public static readonly Message ConflictAlreadyScored = new(
        "Bạn đã chấm bài này: hãy báo Thường trực Hội đồng để họ quyết định giữ hay bỏ điểm.",
        "You have already scored this entry: tell the secretariat, who decide whether your score stays.");

    public static readonly Message CityOutcomesRecorded = new(
        "Thành phố đã có kết quả cho các bài được gửi đi nên không mở lại được kết quả.",
        "The city has already recorded outcomes for forwarded entries, so the results cannot be reopened.");

    // Recognition.

    public static Message NomineeNotFound(Guid id, int year) => new(
        $"Không có người được giới thiệu {id} trong năm {year}.", $"There is no nominee {id} in {year}.");

    public static Message NomineesNotFound(IEnumerable<Guid> ids, int year) => new(
        $"Năm {year} không có người được giới thiệu mang mã {List(ids.Select(i => i.ToString()))}.",
        $"No nominee of {year} has the id(s) {List(ids.Select(i => i.ToString()))}.");

    public static Message NomineeAlreadyCommended(string fullName) => new(
        $"{fullName} đã được khen thưởng theo quyết định; kết quả thẩm định không thay đổi được nữa.",
        $"{fullName} has already been commended by a decision; the appraisal can no longer change.");

    public static Message AlreadyCommended(int year, IEnumerable<(string Name, string DecisionNumber)> recipients) => new(
        $"Đã được khen thưởng năm {year}: {string.Join("; ", recipients.Select(r => $"{r.Name} (quyết định {r.DecisionNumber})"))}.",
        $"Already commended in {year}: {string.Join("; ", recipients.Select(r => $"{r.Name} (decision {r.DecisionNumber})"))}.");

    public static Message DecisionExists(string number, int year) => new(
        $"Quyết định số {number} năm {year} đã được ghi nhận.", $"Decision {number} of {year} is already recorded.");

    public static Message DecisionNotFound(Guid id, int year) => new($"Không có quyết định {id} trong năm {year}.", $"There is no decision {id} in {year}.");

    public static Message NomineesNotVerified(IEnumerable<(string FullName, string Status)> nominees) => new(
        $"Chỉ khen thưởng người đã được xác minh: {string.Join("; ", nominees.Select(n => $"{n.FullName} đang ở trạng thái {n.Status}"))}.",
        $"Only verified nominees can be commended: {string.Join("; ", nominees.Select(n => $"{n.FullName} is {n.Status}"))}.");

    /// <summary>The reward table cannot price a form on a date; <paramref name="amountField"/> names the member that would.</summary>
    public static Message RewardTableIncomplete(string form, DateOnly on, string? amountField = null)
    {
        var (vi, en) = Language.Date(on);
        return amountField is null
            ? new($"Bảng mức thưởng chưa có lương cơ sở hoặc hệ số cho '{form}' có hiệu lực ngày {vi}.",
                $"The reward table has no base salary or coefficient for '{form}' in force on {en}.")
            : new($"Bảng mức thưởng chưa có lương cơ sở hoặc hệ số cho '{form}' có hiệu lực ngày {vi}; hãy bổ sung, hoặc ghi rõ {amountField}.",
                $"The reward table has no base salary or coefficient for '{form}' in force on {en}; add it, or give {amountField}.");
    }

    /// <summary>A form chosen for a decision signed after its validity ended, e.g. the district's after 30/06/2025.</summary>
    public static Message RewardFormExpired(string form, DateOnly validTo, DateOnly signedOn)
    {
        var (viEnd, enEnd) = Language.Date(validTo);
        var (viOn, enOn) = Language.Date(signedOn);
        return new($"Hình thức '{form}' chỉ áp dụng đến hết ngày {viEnd}; không chọn được cho quyết định ký ngày {viOn}.",
            $"The form '{form}' applies until {enEnd}; it cannot be chosen for a decision signed on {enOn}.");
    }

    public static Message RewardFormNotYetValid(string form, DateOnly validFrom, DateOnly signedOn)
    {
        var (viStart, enStart) = Language.Date(validFrom);
        var (viOn, enOn) = Language.Date(signedOn);
        return new($"Hình thức '{form}' chỉ áp dụng từ ngày {viStart}; không chọn được cho quyết định ký ngày {viOn}.",
            $"The form '{form}' applies from {enStart}; it cannot be chosen for a decision signed on {enOn}.");
    }

    public static Message PrizeNotFound(string prize) => new($"Không có giải '{prize}'.", $"There is no prize '{prize}'.");

    // Accounts and their credentials (submission: units and staff; judging: judges).

    public static readonly Message NotOwnCredential = new(
        "Chỉ chủ tài khoản hoặc Ban Thư ký được thay mật khẩu của tài khoản này.", "Only the account's owner or the secretariat replaces this credential.");

    public static Message StaffNotFound(string id) => new($"Không có tài khoản cán bộ '{id}'.", $"There is no staff account '{id}'.");

    public static Message JudgeNotFound(Guid id, int year) => new($"Không có giám khảo {id} trong năm {year}.", $"There is no judge {id} in {year}.");
}
