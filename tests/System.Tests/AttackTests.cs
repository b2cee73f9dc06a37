using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Aspire.Hosting.ApplicationModel;
using HoanKiem.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.Tokens;
using Xunit;

namespace HoanKiem.SystemTests;

/// <summary>
/// OWASP API Security Top 10 (2023) through the gateway: every hostile request gets a clear 4xx problem+json with a
/// stable code, never a 5xx, and leaves the year's entries as they were. One contest year, two units, a judge and one
/// entry per unit are shared by the whole class; tests in a class run one after another, so counts stay comparable.
/// </summary>
public sealed class AttackTests(SystemFixture system)
{
    private static readonly SemaphoreSlim WorldGate = new(1, 1);
    private static World? world;

    /// <summary>
    /// A hostile request: who sends it (anonymous, unitA, unitB, judge, secretariat), where, and the refusal expected.
    /// Paths and bodies name the shared world's <c>{year}</c>, <c>{entryA}</c>, <c>{entryB}</c>, <c>{unitA}</c>, <c>{unitB}</c>;
    /// a body <c>entry:NAME</c> is a valid entry of unit A with the named mutation, <c>hex:..</c> raw bytes.
    /// </summary>
    private sealed record Attack(string Name, string Who, string Method, string Path, string? Body, int Status, string Code,
        string ContentType = "application/json");

    private static readonly Attack[] Attacks =
    [
        // API8 security misconfiguration / API4 resource consumption: malformed and truncated JSON, wrong types.
        new("json-open-brace", "unitA", "POST", "/api/contests/{year}/entries", "{", 400, "malformed_request"),
        new("json-truncated-after-comma", "unitA", "POST", "/api/contests/{year}/entries", "{\"title\":\"x\",", 400, "malformed_request"),
        new("json-truncated-in-string", "unitA", "POST", "/api/contests/{year}/entries", "{\"title\":\"x\",\"body\":\"abc", 400, "malformed_request"),
        new("json-array-not-object", "unitA", "POST", "/api/contests/{year}/entries", "[]", 400, "malformed_request"),
        new("json-bare-string", "unitA", "POST", "/api/contests/{year}/entries", "\"just a string\"", 400, "malformed_request"),
        new("json-null", "unitA", "POST", "/api/contests/{year}/entries", "null", 400, "malformed_request"),
        new("json-empty-body", "unitA", "POST", "/api/contests/{year}/entries", "", 400, "malformed_request"),
        new("json-title-number", "unitA", "POST", "/api/contests/{year}/entries", "{\"title\":123}", 400, "malformed_request"),
        new("json-title-array", "unitA", "POST", "/api/contests/{year}/entries", "{\"title\":[\"a\"]}", 400, "malformed_request"),
        new("json-body-number", "unitA", "POST", "/api/contests/{year}/entries", "{\"title\":\"x\",\"body\":5}", 400, "malformed_request"),
        new("json-author-string", "unitA", "POST", "/api/contests/{year}/entries", "{\"author\":\"Nguyễn Văn An\"}", 400, "malformed_request"),
        new("json-birthyear-word", "unitA", "POST", "/api/contests/{year}/entries", "{\"nominee\":{\"birthYear\":\"nineteen\"}}", 400, "malformed_request"),
        new("json-birthyear-1e999", "unitA", "POST", "/api/contests/{year}/entries", "{\"nominee\":{\"birthYear\":1e999}}", 400, "malformed_request"),
        new("json-birthyear-overflow", "unitA", "POST", "/api/contests/{year}/entries", "{\"nominee\":{\"birthYear\":99999999999}}", 400, "malformed_request"),
        new("json-birthyear-nan", "unitA", "POST", "/api/contests/{year}/entries", "{\"nominee\":{\"birthYear\":NaN}}", 400, "malformed_request"),
        new("json-missing-comma", "unitA", "POST", "/api/contests/{year}/entries", "{\"title\":\"a\" \"body\":\"b\"}", 400, "malformed_request"),
        new("json-single-quotes", "unitA", "POST", "/api/contests/{year}/entries", "{'title':'x'}", 400, "malformed_request"),
        new("json-trailing-comma", "unitA", "POST", "/api/contests/{year}/entries", "{\"title\":\"x\",}", 400, "malformed_request"),
        new("json-comment", "unitA", "POST", "/api/contests/{year}/entries", "{/* hi */\"title\":\"x\"}", 400, "malformed_request"),
        new("json-raw-control-char", "unitA", "POST", "/api/contests/{year}/entries", "{\"title\":\"a\u0001b\"}", 400, "malformed_request"),
        new("json-nesting-200", "unitA", "POST", "/api/contests/{year}/entries", "{\"x\":" + new string('[', 200) + new string(']', 200) + "}", 400, "malformed_request"),
        new("json-type-gadget", "unitA", "POST", "/api/contests/{year}/entries", "{\"field\":{\"$type\":\"System.IO.FileInfo\",\"fileName\":\"/etc/passwd\"}}", 400, "malformed_request"),
        new("json-escaped-lone-surrogate", "unitA", "POST", "/api/contests/{year}/entries", "{\"title\":\"\\uD800\"}", 400, "malformed_request"),
        new("json-escaped-noncharacter", "unitA", "POST", "/api/contests/{year}/entries", "{\"title\":\"Ng\\uFFFEư\"}", 422, "invalid_text"),
        new("json-units-noncharacter", "secretariat", "POST", "/api/units", "{\"code\":\"x\",\"name\":\"\\uFFFE\"}", 422, "invalid_text"),

        // Escaped characters that are no text: controls (line breaks only in multi-line text), noncharacters, bidirectional overrides.
        new("text-bell-in-title", "unitA", "POST", "/api/contests/{year}/entries", "{\"title\":\"Gương\\u0007 sáng\"}", 422, "invalid_text"),
        new("text-escape-sequence-in-body", "unitA", "POST", "/api/contests/{year}/entries", "{\"body\":\"Ông An\\u001b[31m giúp đỡ\"}", 422, "invalid_text"),
        new("text-nul-in-author", "unitA", "POST", "/api/contests/{year}/entries", "{\"author\":{\"fullName\":\"Nguyễn\\u0000 Văn An\"}}", 422, "invalid_text"),
        new("text-c1-in-ward", "unitA", "POST", "/api/contests/{year}/entries", "{\"nominee\":{\"address\":{\"ward\":\"Hàng\\u0085Gai\"}}}", 422, "invalid_text"),
        new("text-newline-in-title", "unitA", "POST", "/api/contests/{year}/entries", "{\"title\":\"Tiêu đề\\r\\n2026-01-01 INFO forged\"}", 422, "invalid_text"),
        new("text-rtl-override-in-title", "unitA", "POST", "/api/contests/{year}/entries", "{\"title\":\"Gương \\u202Efdp.exe\"}", 422, "invalid_text"),
        new("text-isolate-in-body", "unitA", "POST", "/api/contests/{year}/entries", "{\"body\":\"Người tốt \\u2066việc tốt\\u2069\"}", 422, "invalid_text"),
        new("text-noncharacter-fdd0", "unitA", "POST", "/api/contests/{year}/entries", "{\"title\":\"\\uFDD0\"}", 422, "invalid_text"),
        new("text-plane-noncharacter", "unitA", "POST", "/api/contests/{year}/entries", "{\"title\":\"\\uD83F\\uDFFF\"}", 422, "invalid_text"),
        new("text-control-in-unit-name", "secretariat", "POST", "/api/units", "{\"code\":\"ctrl\",\"name\":\"Phường\\u0001 Hàng Bạc\",\"kind\":\"ward\"}", 422, "invalid_text"),
        new("text-override-in-judge-name", "secretariat", "POST", "/api/judging/{year}/judges", "{\"fullName\":\"Lê Văn \\u202EC\"}", 422, "invalid_text"),
        new("text-control-in-score-comment", "judge", "PUT", "/api/judging/{year}/entries/{entryA}/scores/mine", "{\"scores\":{\"content\":1},\"comment\":\"\\u0007\"}", 422, "invalid_text"),
        new("text-control-in-decision", "secretariat", "POST", "/api/recognition/{year}/decisions", "{\"number\":\"1\\u0008\",\"form\":\"x\",\"amountPerRecipient\":1}", 422, "invalid_text"),
        new("json-empty-object", "unitA", "POST", "/api/contests/{year}/entries", "{}", 400, "validation_failed"),
        new("json-units-truncated", "secretariat", "POST", "/api/units", "{\"code\":\"x\",\"name\":", 400, "malformed_request"),
        new("json-contest-wrong-types", "secretariat", "PUT", "/api/contests/{year}", "{\"minWords\":\"many\"}", 400, "malformed_request"),
        new("json-score-wrong-types", "judge", "PUT", "/api/judging/{year}/entries/{entryA}/scores/mine", "{\"scores\":\"all\"}", 400, "malformed_request"),
        new("media-text-plain", "unitA", "POST", "/api/contests/{year}/entries", "{\"title\":\"x\"}", 415, "unsupported_media_type", "text/plain"),
        new("media-xml", "unitA", "POST", "/api/contests/{year}/entries", "<entry><title>x</title></entry>", 415, "unsupported_media_type", "application/xml"),
        new("media-form", "unitA", "POST", "/api/contests/{year}/entries", "title=x&body=y", 415, "unsupported_media_type", "application/x-www-form-urlencoded"),

        // Invalid UTF-8 inside JSON strings.
        new("utf8-invalid-continuation", "unitA", "POST", "/api/contests/{year}/entries", "hex:7B227469746C65223A22C328227D", 400, "malformed_request"),
        new("utf8-ff-fe", "unitA", "POST", "/api/contests/{year}/entries", "hex:7B227469746C65223A22FFFE227D", 400, "malformed_request"),
        new("utf8-overlong-slash", "unitA", "POST", "/api/contests/{year}/entries", "hex:7B227469746C65223A22C0AF227D", 400, "malformed_request"),
        new("utf8-encoded-surrogate", "unitA", "POST", "/api/contests/{year}/entries", "hex:7B227469746C65223A22EDA080227D", 400, "malformed_request"),
        new("utf8-truncated-sequence", "unitA", "POST", "/api/contests/{year}/entries", "hex:7B227469746C65223A22E1BA", 400, "malformed_request"),

        // Huge fields and rule-breaking values in an otherwise valid entry.
        new("field-title-501", "unitA", "POST", "/api/contests/{year}/entries", "entry:title-501", 400, "validation_failed"),
        new("field-title-100k", "unitA", "POST", "/api/contests/{year}/entries", "entry:title-100k", 400, "validation_failed"),
        new("field-title-blank", "unitA", "POST", "/api/contests/{year}/entries", "entry:title-blank", 422, "invalid_text"),
        new("field-author-name-201", "unitA", "POST", "/api/contests/{year}/entries", "entry:author-name-201", 400, "validation_failed"),
        new("field-author-position-201", "unitA", "POST", "/api/contests/{year}/entries", "entry:author-position-201", 400, "validation_failed"),
        new("field-author-phone-51", "unitA", "POST", "/api/contests/{year}/entries", "entry:author-phone-51", 400, "validation_failed"),
        new("field-author-email-201", "unitA", "POST", "/api/contests/{year}/entries", "entry:author-email-201", 400, "validation_failed"),
        new("field-nominee-name-201", "unitA", "POST", "/api/contests/{year}/entries", "entry:nominee-name-201", 400, "validation_failed"),
        new("field-nominee-position-201", "unitA", "POST", "/api/contests/{year}/entries", "entry:nominee-position-201", 400, "validation_failed"),
        new("field-nominee-workplace-301", "unitA", "POST", "/api/contests/{year}/entries", "entry:nominee-workplace-301", 400, "validation_failed"),
        new("field-nominee-street-301", "unitA", "POST", "/api/contests/{year}/entries", "entry:nominee-street-301", 400, "validation_failed"),
        new("field-nominee-ward-101", "unitA", "POST", "/api/contests/{year}/entries", "entry:nominee-ward-101", 400, "validation_failed"),
        new("field-birthyear-1700", "unitA", "POST", "/api/contests/{year}/entries", "entry:birthyear-1700", 400, "validation_failed"),
        new("field-birthyear-negative", "unitA", "POST", "/api/contests/{year}/entries", "entry:birthyear-negative", 400, "validation_failed"),
        new("field-birthyear-3000", "unitA", "POST", "/api/contests/{year}/entries", "entry:birthyear-3000", 400, "validation_failed"),
        new("field-body-one-word", "unitA", "POST", "/api/contests/{year}/entries", "entry:body-one-word", 422, "word_count_out_of_range"),
        new("field-body-3000-words", "unitA", "POST", "/api/contests/{year}/entries", "entry:body-3000-words", 422, "word_count_out_of_range"),
        new("field-field-script", "unitA", "POST", "/api/contests/{year}/entries", "entry:field-script", 422, "invalid_field"),
        new("field-no-author-contact", "unitA", "POST", "/api/contests/{year}/entries", "entry:no-author-contact", 422, "missing_author_info"),
        new("field-no-nominee", "unitA", "POST", "/api/contests/{year}/entries", "entry:no-nominee", 422, "missing_nominee_info"),
        new("body-over-256k-chunked", "unitA", "POST", "/api/contests/{year}/entries", "entry:chunked-300k", 413, "payload_too_large"),
        // The caller is checked before any body is read: a stranger's large body is never buffered.

        // SQL fragments wherever text reaches a query.
        new("sql-field", "unitA", "POST", "/api/contests/{year}/entries", "entry:field-sql", 422, "invalid_field"),
        new("sql-ward", "unitA", "POST", "/api/contests/{year}/entries", "entry:ward-sql", 422, "nominee_outside_district"),
        new("sql-status-filter", "unitA", "GET", "/api/contests/{year}/entries?status=' OR '1'='1", null, 400, "validation_failed"),
        new("sql-unit-filter", "unitA", "GET", "/api/contests/{year}/entries?unitCode=' OR 1=1 --", null, 403, "forbidden"),
        new("sql-unit-filter-drop", "unitA", "GET", "/api/contests/{year}/entries?unitCode=x'; DROP TABLE Entries; --", null, 403, "forbidden"),
        new("sql-month", "anonymous", "GET", "/api/reports/{year}/tallies?month={year}-01' OR 1=1 --", null, 400, "invalid_month"),
        new("sql-year-segment", "unitA", "GET", "/api/contests/2030 OR 1=1/entries", null, 404, "not_found"),
        new("sql-entry-id", "unitA", "GET", "/api/contests/{year}/entries/1 OR 1=1", null, 404, "not_found"),
        new("sql-quota-unit", "secretariat", "PUT", "/api/contests/{year}/quotas/x' OR '1'='1", "{\"target\":5}", 404, "unit_not_found"),
        new("sql-page", "unitA", "GET", "/api/contests/{year}/entries?page=1;DROP TABLE Entries", null, 400, "malformed_request"),
        new("sql-token-client", "anonymous", "POST", "/connect/token", "grant_type=client_credentials&client_id=' OR ''='&client_secret=' OR ''='", 401, "invalid_client", "application/x-www-form-urlencoded"),
        new("sql-token-unit-client", "anonymous", "POST", "/connect/token", "grant_type=client_credentials&client_id=unit-' OR 1=1 --&client_secret=x", 401, "invalid_client", "application/x-www-form-urlencoded"),
        new("sql-token-judge-client", "anonymous", "POST", "/connect/token", "grant_type=client_credentials&client_id=judge-'; DROP TABLE Judges; --&client_secret=x", 401, "invalid_client", "application/x-www-form-urlencoded"),

        // Path traversal in ids.
        new("path-encoded-slashes", "unitA", "GET", "/api/contests/{year}/entries/..%2F..%2F..%2Fetc%2Fpasswd", null, 404, "not_found"),
        new("path-encoded-dots", "unitA", "GET", "/api/contests/{year}/entries/%2e%2e%2f%2e%2e%2funits", null, 404, "not_found"),
        new("path-double-dots", "unitA", "GET", "/api/contests/{year}/entries/....//....//etc/passwd", null, 404, "not_found"),
        new("path-double-encoded", "unitA", "GET", "/api/contests/{year}/entries/%252e%252e%252f%252e%252e%252fetc%252fpasswd", null, 404, "not_found"),
        new("path-backslashes", "unitA", "DELETE", "/api/contests/{year}/entries/..%5C..%5Cwindows%5Cwin.ini", null, 404, "not_found"),
        new("path-to-secretariat-report", "anonymous", "GET", "/api/reports/{year}/tallies/..%2Fsummary", null, 401, "unauthorized"),
        new("path-recognition-year", "unitA", "GET", "/api/recognition/..%2F..%2Finternal/nominees", null, 404, "not_found"),
        new("path-quota-unit", "secretariat", "PUT", "/api/contests/{year}/quotas/..%2F..%2Funits", "{\"target\":5}", 404, "unit_not_found"),
        new("path-internal-credentials", "anonymous", "POST", "/internal/credentials/verify", "{\"clientId\":\"secretariat\",\"clientSecret\":\"x\"}", 404, "not_found"),

        // Unknown and negative years.
        new("year-negative-submit", "unitA", "POST", "/api/contests/-1/entries", "entry:valid", 400, "validation_failed"),
        new("year-far-submit", "unitA", "POST", "/api/contests/99999/entries", "entry:valid", 400, "validation_failed"),
        new("year-negative-contest", "secretariat", "PUT", "/api/contests/-5", "{\"title\":\"x\"}", 400, "validation_failed"),
        new("year-negative-tallies", "anonymous", "GET", "/api/reports/-1/tallies", null, 400, "validation_failed"),
        new("year-1999-tallies", "anonymous", "GET", "/api/reports/1999/tallies", null, 400, "validation_failed"),
        new("year-overflow-tallies", "anonymous", "GET", "/api/reports/99999999999/tallies", null, 404, "not_found"),
        new("year-zero-mine", "judge", "GET", "/api/judging/0/assignments/mine", null, 400, "validation_failed"),
        new("year-negative-settings", "secretariat", "PUT", "/api/judging/-1/settings", "{\"judgesPerEntry\":3}", 400, "validation_failed"),
        new("year-negative-summary", "secretariat", "GET", "/api/reports/-1/summary", null, 400, "validation_failed"),
        new("year-negative-list", "unitA", "GET", "/api/contests/-1/entries", null, 400, "validation_failed"),
        new("year-unknown-entry", "unitA", "GET", "/api/contests/2099/entries/{entryA}", null, 404, "entry_not_found"),

        // Bad pagination.
        new("page-zero-entries", "unitA", "GET", "/api/contests/{year}/entries?page=0", null, 400, "invalid_paging"),
        new("page-negative-entries", "unitA", "GET", "/api/contests/{year}/entries?page=-1", null, 400, "invalid_paging"),
        new("page-size-zero-entries", "unitA", "GET", "/api/contests/{year}/entries?pageSize=0", null, 400, "invalid_paging"),
        new("page-size-1000-entries", "unitA", "GET", "/api/contests/{year}/entries?pageSize=1000", null, 400, "invalid_paging"),
        new("page-size-201-entries", "unitA", "GET", "/api/contests/{year}/entries?pageSize=201", null, 400, "invalid_paging"),
        new("page-huge-entries", "unitA", "GET", "/api/contests/{year}/entries?page=1000001", null, 400, "invalid_paging"),
        new("page-abc-entries", "unitA", "GET", "/api/contests/{year}/entries?page=abc", null, 400, "malformed_request"),
        new("page-size-exp-entries", "unitA", "GET", "/api/contests/{year}/entries?pageSize=1e3", null, 400, "malformed_request"),
        new("page-overflow-entries", "unitA", "GET", "/api/contests/{year}/entries?page=99999999999", null, 400, "malformed_request"),
        new("page-zero-tallies", "anonymous", "GET", "/api/reports/{year}/tallies?page=0", null, 400, "invalid_paging"),
        new("page-size-1000-tallies", "anonymous", "GET", "/api/reports/{year}/tallies?pageSize=1000", null, 400, "invalid_paging"),
        new("page-abc-tallies", "anonymous", "GET", "/api/reports/{year}/tallies?page=abc", null, 400, "malformed_request"),
        new("page-zero-mine", "judge", "GET", "/api/judging/{year}/assignments/mine?page=0", null, 400, "invalid_paging"),
        new("page-size-1000-mine", "judge", "GET", "/api/judging/{year}/assignments/mine?pageSize=1000", null, 400, "invalid_paging"),
        new("page-zero-nominees", "secretariat", "GET", "/api/recognition/{year}/nominees?page=0", null, 400, "invalid_paging"),
        new("page-size-1000-judges", "secretariat", "GET", "/api/judging/{year}/judges?pageSize=1000", null, 400, "invalid_paging"),

        // API2 broken authentication: forged, expired, wrong-audience, wrong-signature tokens.
        new("token-garbage", "token:garbage", "GET", "/api/units", null, 401, "unauthorized"),
        new("token-alg-none-secretariat", "token:alg-none", "GET", "/api/units", null, 401, "unauthorized"),
        new("token-wrong-key", "token:wrong-key", "GET", "/api/units", null, 401, "unauthorized"),
        new("token-wrong-key-secretariat-write", "token:wrong-key", "POST", "/api/units", "{\"code\":\"forged\",\"name\":\"x\",\"kind\":\"other\"}", 401, "unauthorized"),
        new("token-expired", "token:expired", "GET", "/api/units", null, 401, "unauthorized"),
        new("token-wrong-audience", "token:wrong-audience", "GET", "/api/units", null, 401, "unauthorized"),
        new("token-wrong-issuer", "token:wrong-issuer", "GET", "/api/units", null, 401, "unauthorized"),
        new("token-not-yet-valid", "token:not-yet-valid", "GET", "/api/units", null, 401, "unauthorized"),
        new("token-signature-stripped", "token:signature-stripped", "GET", "/api/units", null, 401, "unauthorized"),
        new("token-role-tampered", "token:role-tampered", "GET", "/api/reports/{year}/summary", null, 401, "unauthorized"),
        new("token-hs512-wrong-key", "token:hs512-wrong-key", "GET", "/api/units", null, 401, "unauthorized"),
        new("token-other-rsa-key-same-kid", "token:other-key-same-kid", "GET", "/api/units", null, 401, "unauthorized"),
        new("token-hs256-with-public-key", "token:hs256-public-key", "GET", "/api/units", null, 401, "unauthorized"),
        new("token-basic-scheme", "basic", "GET", "/api/units", null, 401, "unauthorized"),
        new("token-empty-bearer", "token:", "GET", "/api/units", null, 401, "unauthorized"),
        new("token-wrong-grant", "anonymous", "POST", "/connect/token", "grant_type=password&username=secretariat&password=x", 400, "unsupported_grant_type", "application/x-www-form-urlencoded"),
        new("token-json-body", "anonymous", "POST", "/connect/token", "{\"grant_type\":\"client_credentials\"}", 400, "invalid_request"),
        new("token-huge-client-id", "anonymous", "POST", "/connect/token", "grant_type=client_credentials&client_id=" + new string('u', 5000) + "&client_secret=x", 400, "invalid_request", "application/x-www-form-urlencoded"),

        // API1 BOLA: unit A acting on unit B's entry.
        new("bola-get-other-entry", "unitA", "GET", "/api/contests/{year}/entries/{entryB}", null, 404, "entry_not_found"),
        new("bola-delete-other-entry", "unitA", "DELETE", "/api/contests/{year}/entries/{entryB}", null, 404, "entry_not_found"),
        new("bola-list-other-unit", "unitA", "GET", "/api/contests/{year}/entries?unitCode={unitB}", null, 403, "forbidden"),
        new("bola-submit-for-other-unit", "unitA", "POST", "/api/contests/{year}/entries", "entry:unit-b", 403, "forbidden"),
        new("bola-submit-for-unknown-unit", "unitA", "POST", "/api/contests/{year}/entries", "entry:unit-unknown", 403, "forbidden"),
        new("bola-unit-b-delete-a", "unitB", "DELETE", "/api/contests/{year}/entries/{entryA}", null, 404, "entry_not_found"),

        // API5 BFLA: units and judges calling the secretariat's calls.
        new("bfla-unit-register-unit", "unitA", "POST", "/api/units", "{\"code\":\"rogue\",\"name\":\"x\",\"kind\":\"other\"}", 403, "forbidden"),
        new("bfla-unit-configure-contest", "unitA", "PUT", "/api/contests/{year}", "{\"title\":\"x\",\"minWords\":1}", 403, "forbidden"),
        new("bfla-unit-set-quota", "unitA", "PUT", "/api/contests/{year}/quotas/{unitA}", "{\"target\":0}", 403, "forbidden"),
        new("bfla-unit-add-judge", "unitA", "POST", "/api/judging/{year}/judges", "{\"fullName\":\"Giám khảo giả\"}", 403, "forbidden"),
        new("bfla-unit-assign", "unitA", "POST", "/api/judging/{year}/assignments", null, 403, "forbidden"),
        new("bfla-unit-finalize", "unitA", "POST", "/api/judging/{year}/finalize", null, 403, "forbidden"),
        new("bfla-unit-settings", "unitA", "PUT", "/api/judging/{year}/settings", "{\"judgesPerEntry\":1}", 403, "forbidden"),
        new("bfla-unit-nominees", "unitA", "GET", "/api/recognition/{year}/nominees", null, 403, "forbidden"),
        new("bfla-unit-decision", "unitA", "POST", "/api/recognition/{year}/decisions", "{\"number\":\"1\",\"form\":\"x\",\"amountPerRecipient\":1}", 403, "forbidden"),
        new("bfla-unit-summary", "unitA", "GET", "/api/reports/{year}/summary", null, 403, "forbidden"),
        new("bfla-unit-tallies-csv", "unitA", "GET", "/api/reports/{year}/tallies.csv", null, 403, "forbidden"),
        new("bfla-unit-results", "unitA", "GET", "/api/judging/{year}/results", null, 403, "forbidden"),
        new("bfla-unit-score", "unitA", "PUT", "/api/judging/{year}/entries/{entryB}/scores/mine", "{\"scores\":{\"content\":1}}", 403, "forbidden"),
        new("bfla-unit-mine", "unitA", "GET", "/api/judging/{year}/assignments/mine", null, 403, "forbidden"),
        new("bfla-judge-register-unit", "judge", "POST", "/api/units", "{\"code\":\"rogue\",\"name\":\"x\",\"kind\":\"other\"}", 403, "forbidden"),
        new("bfla-judge-add-judge", "judge", "POST", "/api/judging/{year}/judges", "{\"fullName\":\"Giám khảo giả\"}", 403, "forbidden"),
        new("bfla-judge-assign", "judge", "POST", "/api/judging/{year}/assignments", null, 403, "forbidden"),
        new("bfla-judge-finalize", "judge", "POST", "/api/judging/{year}/finalize", null, 403, "forbidden"),
        new("bfla-judge-settings", "judge", "PUT", "/api/judging/{year}/settings", "{\"judgesPerEntry\":1}", 403, "forbidden"),
        new("bfla-judge-nominees", "judge", "GET", "/api/recognition/{year}/nominees", null, 403, "forbidden"),
        new("bfla-judge-summary", "judge", "GET", "/api/reports/{year}/summary", null, 403, "forbidden"),
        new("bfla-judge-submit", "judge", "POST", "/api/contests/{year}/entries", "entry:valid", 403, "forbidden"),
        new("bfla-judge-withdraw", "judge", "DELETE", "/api/contests/{year}/entries/{entryA}", null, 403, "forbidden"),
        new("bfla-anonymous-entries", "anonymous", "GET", "/api/contests/{year}/entries", null, 401, "unauthorized"),
        new("bfla-anonymous-summary", "anonymous", "GET", "/api/reports/{year}/summary", null, 401, "unauthorized"),

        // A judge reading entries not assigned to them (nothing is assigned in this year).
        new("judge-read-entry", "judge", "GET", "/api/contests/{year}/entries/{entryA}", null, 403, "forbidden"),
        new("judge-list-entries", "judge", "GET", "/api/contests/{year}/entries", null, 403, "forbidden"),
        new("judge-score-unassigned", "judge", "PUT", "/api/judging/{year}/entries/{entryA}/scores/mine", "{\"scores\":{\"content\":1}}", 403, "forbidden"),
        new("judge-score-unknown-entry", "judge", "PUT", "/api/judging/{year}/entries/00000000-0000-0000-0000-000000000001/scores/mine", "{\"scores\":{\"content\":1}}", 403, "forbidden"),
    ];

    public static TheoryData<string> AttackNames() => [.. Attacks.Select(a => a.Name)];

    [Theory]
    [MemberData(nameof(AttackNames))]
    public async Task Hostile_request_gets_4xx_problem_and_changes_nothing(string name)
    {
        var attack = Attacks.Single(a => a.Name == name);
        var w = await WorldAsync();
        var before = await w.SnapshotAsync();

        using var client = ClientFor(w, attack.Who);
        using var request = new HttpRequestMessage(new HttpMethod(attack.Method), w.Fill(attack.Path)) { Content = Content(w, attack) };
        using var response = await client.SendAsync(request);

        await AssertRefusal(response, attack.Status, attack.Code, oauth: attack.Path.StartsWith("/connect/", StringComparison.Ordinal));
        Assert.Equal(before, await w.SnapshotAsync());
    }

    [Fact]
    public void Suite_sends_at_least_100_hostile_requests() => Assert.True(Attacks.Length >= 100, $"{Attacks.Length} attacks");

    [Fact]
    public async Task Markup_and_sql_in_every_text_field_are_stored_as_text_and_returned_as_json_strings()
    {
        var w = await WorldAsync();
        const string script = "<script>alert('x')</script>";
        const string image = "\"><img src=x onerror=alert(1)>";
        const string sql = "'; DROP TABLE Entries; --";
        var entry = EntryNode(w.Year * 100 + 20);
        entry["title"] = $"{script} {sql}";
        entry["author"]!["fullName"] = script;
        entry["author"]!["position"] = image;
        entry["author"]!["phone"] = sql;
        entry["author"]!["email"] = $"{script}@x.vn";
        entry["nominee"]!["fullName"] = image;
        entry["nominee"]!["position"] = script;
        entry["nominee"]!["workplace"] = sql;
        entry["nominee"]!["address"]!["street"] = script;

        using var unitA = system.Client(w.UnitAToken);
        var receipt = await ThinSliceTests.ReadJson(await unitA.PostAsync($"/api/contests/{w.Year}/entries", Json(entry)), HttpStatusCode.Created);
        using var response = await unitA.GetAsync($"/api/contests/{w.Year}/entries/{receipt.GetProperty("id").GetString()}");
        var raw = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        // Served as JSON, never as a page; a quote in the text stays inside its JSON string.
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.DoesNotMatch(@"(?<!\\)""><img", raw);
        var stored = JsonDocument.Parse(raw).RootElement;
        Assert.Equal($"{script} {sql}", stored.GetProperty("title").GetString());
        Assert.Equal(script, stored.GetProperty("author").GetProperty("fullName").GetString());
        Assert.Equal(image, stored.GetProperty("author").GetProperty("position").GetString());
        Assert.Equal(sql, stored.GetProperty("author").GetProperty("phone").GetString());
        Assert.Equal($"{script}@x.vn", stored.GetProperty("author").GetProperty("email").GetString());
        Assert.Equal(image, stored.GetProperty("nominee").GetProperty("fullName").GetString());
        Assert.Equal(script, stored.GetProperty("nominee").GetProperty("position").GetString());
        Assert.Equal(sql, stored.GetProperty("nominee").GetProperty("workplace").GetString());
        Assert.Equal(script, stored.GetProperty("nominee").GetProperty("address").GetProperty("street").GetString());
    }

    [Fact]
    public async Task Markup_in_a_unit_name_reaches_the_public_tallies_as_json_text_only()
    {
        var year = system.NewYear();
        var name = "<script>alert(document.cookie)</script>";
        using var secretariat = system.Client(await system.SecretariatTokenAsync());
        await ThinSliceTests.ReadJson(await secretariat.PostAsJsonAsync("/api/units", new { code = $"xss-{year}", name, kind = "other" }), HttpStatusCode.Created);
        await system.OpenContestAsync(secretariat, year);

        using var anonymous = system.Client();
        var raw = await Eventually.Until(
            async () => await (await anonymous.GetAsync($"/api/reports/{year}/tallies?pageSize=200")).Content.ReadAsStringAsync(),
            body => body.Contains($"xss-{year}"));
        Assert.Equal("application/json", (await anonymous.GetAsync($"/api/reports/{year}/tallies")).Content.Headers.ContentType?.MediaType);
        var row = JsonDocument.Parse(raw).RootElement.GetProperty("items").EnumerateArray().Single(r => r.GetProperty("unitCode").GetString() == $"xss-{year}");
        Assert.Equal(name, row.GetProperty("unitName").GetString());

        // The web app's page writes the name as text: the markup shows, encoded, and never runs.
        var page = await anonymous.GetStringAsync($"/tallies/{year}");
        Assert.DoesNotContain(name, page);
        Assert.Contains("&lt;script&gt;alert(document.cookie)&lt;/script&gt;", page);
    }

    [Fact]
    public async Task Control_characters_never_reach_storage_and_the_refusal_names_the_field()
    {
        var w = await WorldAsync();
        var before = await w.SnapshotAsync();
        var entry = EntryNode(w.Year * 100 + 21);
        entry["title"] = "Tiêu đề\r\n2026-01-01 INFO forged log line\u0007\u001b[31m";
        using var unitA = system.Client(w.UnitAToken);

        using var response = await unitA.PostAsync($"/api/contests/{w.Year}/entries", Json(entry));

        await AssertRefusal(response, 422, "invalid_text");
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("title", Assert.Single(problem.GetProperty("errors").EnumerateObject()).Name);
        Assert.Equal(before, await w.SnapshotAsync());
    }

    [Fact]
    public async Task Copies_of_an_accepted_article_hidden_by_invisible_characters_or_look_alike_letters_are_refused_as_duplicates()
    {
        var w = await WorldAsync();
        var before = await w.SnapshotAsync();
        var original = EntryNode(w.Year * 100 + 1)["body"]!.GetValue<string>();
        var invisible = Regex.Replace(original, @"(?<=\b\w)(\w+)", m => string.Join("\u200B", m.Value.Chunk(2).Select(c => new string(c))));
        var softHyphens = Regex.Replace(original, @"(?<=\b\w\w)(?=\w)", "\u00AD");
        var lookAlikes = original.Normalize(NormalizationForm.FormD)
            .Replace('o', '\u043E').Replace('a', '\u0430').Replace('e', '\u0435').Replace('c', '\u0441').Replace('p', '\u0440')
            .Replace('O', '\u039F').Replace('T', '\u03A4').Normalize(NormalizationForm.FormC);
        using var unitB = system.Client(w.UnitBToken);

        foreach (var (kind, body) in new[] { ("zero-width", invisible), ("soft-hyphen", softHyphens), ("look-alike", lookAlikes) })
        {
            Assert.NotEqual(original, body);
            var copy = EntryNode(w.Year * 100 + 40);
            copy["body"] = body;
            using var response = await unitB.PostAsync($"/api/contests/{w.Year}/entries", Json(copy));
            await AssertRefusal(response, 409, "duplicate_entry");
            var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
            Assert.True(w.EntryA == problem.GetProperty("duplicateOf").GetProperty("id").GetGuid(), kind);
            Assert.True(problem.GetProperty("similarity").GetDouble() >= 0.99, $"{kind}: {problem.GetProperty("similarity")}");
        }
        Assert.Equal(before, await w.SnapshotAsync());
    }

    [Fact]
    public async Task A_judge_whose_unit_sends_an_assigned_article_again_cannot_learn_the_authors_unit()
    {
        var year = system.NewYear();
        using var secretariat = system.Client(await system.SecretariatTokenAsync());
        await system.OpenContestAsync(secretariat, year);
        async Task<string> UnitTokenAsync(string code)
        {
            var unit = await ThinSliceTests.ReadJson(await secretariat.PostAsJsonAsync("/api/units", new { code, name = $"Đơn vị {code}", kind = "ward" }), HttpStatusCode.Created);
            return await system.TokenAsync(unit.GetProperty("clientId").GetString()!, unit.GetProperty("clientSecret").GetString()!);
        }
        string author = $"blind-author-{year}", judgesUnit = $"blind-judge-{year}", other = $"blind-other-{year}";
        using var authorClient = system.Client(await UnitTokenAsync(author));
        using var judgesUnitClient = system.Client(await UnitTokenAsync(judgesUnit));
        using var otherClient = system.Client(await UnitTokenAsync(other));
        await ThinSliceTests.ReadJson(await secretariat.PutAsJsonAsync($"/api/judging/{year}/settings", new { judgesPerEntry = 1 }), HttpStatusCode.OK);
        // A judge's unit must be one judging knows, and judging learns of units from events.
        var added = await Eventually.Until(() => secretariat.PostAsJsonAsync($"/api/judging/{year}/judges", new { fullName = "Giám khảo Trần Văn D", unitCode = judgesUnit }),
            response => response.StatusCode != HttpStatusCode.NotFound, TimeSpan.FromSeconds(60));
        var judge = await ThinSliceTests.ReadJson(added, HttpStatusCode.Created);
        using var judgeClient = system.Client(await system.TokenAsync(judge.GetProperty("clientId").GetString()!, judge.GetProperty("clientSecret").GetString()!));
        var entry = await ThinSliceTests.ReadJson(await authorClient.PostAsync($"/api/contests/{year}/entries", Json(EntryNode(year * 100 + 1))), HttpStatusCode.Created);
        await Eventually.Until(
            async () => await ThinSliceTests.ReadJson(await secretariat.PostAsync($"/api/judging/{year}/assignments", null), HttpStatusCode.OK),
            run => run.GetProperty("entries").GetInt32() == 1);

        var assigned = (await ThinSliceTests.ReadJson(await judgeClient.GetAsync($"/api/judging/{year}/assignments/mine"), HttpStatusCode.OK)).GetProperty("items")[0];
        Assert.Equal(entry.GetProperty("id").GetGuid(), assigned.GetProperty("entryId").GetGuid());
        Assert.DoesNotContain(author, assigned.GetRawText());
        var copy = EntryNode(year * 100 + 2);
        copy["body"] = assigned.GetProperty("body").GetString();
        foreach (var client in new[] { judgesUnitClient, otherClient })
        {
            using var response = await client.PostAsync($"/api/contests/{year}/entries", Json(copy));
            await AssertRefusal(response, 409, "duplicate_entry");
            var raw = await response.Content.ReadAsStringAsync();
            var duplicateOf = JsonDocument.Parse(raw).RootElement.GetProperty("duplicateOf");
            Assert.Equal(entry.GetProperty("id").GetGuid(), duplicateOf.GetProperty("id").GetGuid());
            Assert.Equal(entry.GetProperty("receivedAt").GetDateTimeOffset(), duplicateOf.GetProperty("receivedAt").GetDateTimeOffset());
            Assert.False(duplicateOf.TryGetProperty("unitCode", out _));
            Assert.DoesNotContain(author, raw);
        }

        // The secretariat, and the author's own unit, are told.
        copy["unitCode"] = other;
        using var toSecretariat = await secretariat.PostAsync($"/api/contests/{year}/entries", Json(copy));
        Assert.Equal(author, (await toSecretariat.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("duplicateOf").GetProperty("unitCode").GetString());
    }

    [Fact]
    public async Task Client_secrets_shown_once_are_never_replayed_nor_found_in_any_database_file()
    {
        var year = system.NewYear();
        using var secretariat = system.Client(await system.SecretariatTokenAsync());
        async Task<(JsonElement First, JsonElement Replay, HttpResponseMessage ReplayResponse)> TwiceAsync(string path, object body, string key)
        {
            HttpRequestMessage Request()
            {
                var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) };
                request.Headers.Add("Idempotency-Key", key);
                return request;
            }
            var first = await ThinSliceTests.ReadJson(await secretariat.SendAsync(Request()), HttpStatusCode.Created);
            var replayResponse = await secretariat.SendAsync(Request());
            return (first, await ThinSliceTests.ReadJson(replayResponse, HttpStatusCode.Created), replayResponse);
        }
        var unitKey = $"secret-unit-{year}-{Guid.NewGuid():N}";
        var judgeKey = $"secret-judge-{year}-{Guid.NewGuid():N}";
        var unit = await TwiceAsync("/api/units", new { code = $"secret-{year}", name = "Phường Hàng Bông", kind = "ward" }, unitKey);
        var judge = await TwiceAsync($"/api/judging/{year}/judges", new { fullName = "Giám khảo Phạm Văn E" }, judgeKey);

        string[] secrets = [unit.First.GetProperty("clientSecret").GetString()!, judge.First.GetProperty("clientSecret").GetString()!];
        foreach (var (first, replay, response) in new[] { unit, judge })
        {
            Assert.True(response.Headers.Contains("Idempotent-Replayed"));
            Assert.True(response.Headers.CacheControl?.NoStore, "a replay of an answer that carried a secret may be cached");
            Assert.Equal(first.GetProperty("clientId").GetString(), replay.GetProperty("clientId").GetString());
            Assert.False(replay.TryGetProperty("clientSecret", out var replayed) && replayed.ValueKind != JsonValueKind.Null);
        }
        // Both secrets still work: the replay withheld them, it did not change them.
        await system.TokenAsync(unit.First.GetProperty("clientId").GetString()!, secrets[0]);
        await system.TokenAsync(judge.First.GetProperty("clientId").GetString()!, secrets[1]);

        var files = Directory.EnumerateFiles(system.DataDirectory, "*.db*", SearchOption.AllDirectories).ToList();
        var stored = string.Concat(files.Select(path =>
        {
            using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            using var bytes = new MemoryStream();
            file.CopyTo(bytes);
            return Encoding.Latin1.GetString(bytes.ToArray());
        }));
        // The control: the idempotency keys of both calls are in these files, so the search below searches the right bytes.
        Assert.Contains(unitKey, stored);
        Assert.Contains(judgeKey, stored);
        foreach (var secret in secrets)
        {
            Assert.DoesNotContain(secret, stored);
        }
    }

    [Fact]
    public async Task Server_fields_in_the_body_are_ignored()
    {
        var w = await WorldAsync();
        var entry = EntryNode(w.Year * 100 + 22);
        entry["id"] = w.EntryB.ToString();
        entry["status"] = "withdrawn";
        entry["unitCode"] = w.UnitA;
        entry["receivedAt"] = "2000-01-01T00:00:00+07:00";
        entry["wordCount"] = 5;
        entry["year"] = 1999;
        using var unitA = system.Client(w.UnitAToken);

        var receipt = await ThinSliceTests.ReadJson(await unitA.PostAsync($"/api/contests/{w.Year}/entries", Json(entry)), HttpStatusCode.Created);

        Assert.NotEqual(w.EntryB.ToString(), receipt.GetProperty("id").GetString());
        Assert.Equal("accepted", receipt.GetProperty("status").GetString());
        Assert.Equal(w.UnitA, receipt.GetProperty("unitCode").GetString());
        Assert.Equal(1400, receipt.GetProperty("wordCount").GetInt32());
        Assert.True(receipt.GetProperty("receivedAt").GetDateTimeOffset() > DateTimeOffset.UtcNow.AddMinutes(-5));
        using var secretariat = system.Client(w.SecretariatToken);
        var other = await secretariat.GetFromJsonAsync<JsonElement>($"/api/contests/{w.Year}/entries/{w.EntryB}");
        Assert.Equal(w.UnitB, other.GetProperty("unitCode").GetString());
        Assert.Equal("accepted", other.GetProperty("status").GetString());
    }

    [Fact]
    public async Task More_requests_than_the_burst_from_one_client_get_429_with_retry_after()
    {
        var w = await WorldAsync();
        using var client = system.Client(w.FloodToken);

        var responses = await FloodAsync(client, "/api/units?pageSize=1");

        AssertLimited(responses);
        Assert.True(responses.Count(r => r.StatusCode == HttpStatusCode.OK) >= 200, "the burst itself is served");
        // Another client is not limited by this one's flood.
        using var other = system.Client(w.UnitBToken);
        Assert.Equal(HttpStatusCode.OK, (await other.GetAsync("/api/units?pageSize=1")).StatusCode);
    }

    public static TheoryData<string> AnonymousReads() =>
        ["/api/reports/{year}/tallies", "/api/contests/{year}", "/openapi/submission.json", "/openapi/gateway.json", "/api-reference"];

    [Theory]
    [MemberData(nameof(AnonymousReads))]
    public async Task An_anonymous_flood_of_a_public_read_meets_the_per_address_limit_with_429_and_retry_after(string path)
    {
        var w = await WorldAsync();
        using var anonymous = system.ClientFrom(system.NewAddress());

        var responses = await FloodAsync(anonymous, w.Fill(path));

        AssertLimited(responses);
        // The anonymous limit, not a client's, and the address's own: a neighbour is still served.
        Assert.All(responses.Where(r => r.StatusCode == HttpStatusCode.TooManyRequests),
            r => Assert.Contains($" {SystemFixture.AnonymousPermitsPerSecond} ", r.Body));
        using var neighbour = system.ClientFrom(system.NewAddress());
        Assert.Equal(HttpStatusCode.OK, (await neighbour.GetAsync(w.Fill(path))).StatusCode);
    }

    [Fact]
    public async Task A_forged_forwarded_address_does_not_move_an_outsider_out_of_its_rate_limit_partition()
    {
        var w = await WorldAsync();
        var path = $"/api/contests/{w.Year}";
        using var outsider = system.ClientFrom(system.NewAddress());
        var forged = 0;

        var rotating = await FloodAsync(outsider, path,
            request => request.Headers.Add("X-Forwarded-For", $"203.0.113.{Interlocked.Increment(ref forged) % 250}"));

        AssertLimited(rotating);
        // The configured proxy is believed: the address it forwards for is limited, the next one it forwards for is not.
        using var proxy = system.ClientFrom(SystemFixture.TrustedProxy);
        AssertLimited(await FloodAsync(proxy, path, request => request.Headers.Add("X-Forwarded-For", "198.51.100.7")));
        using var another = new HttpRequestMessage(HttpMethod.Get, path);
        another.Headers.Add("X-Forwarded-For", "198.51.100.8");
        Assert.Equal(HttpStatusCode.OK, (await proxy.SendAsync(another)).StatusCode);
    }

    [Fact]
    public async Task The_public_tallies_come_from_the_gateways_cache_per_query_but_never_an_answer_to_a_token()
    {
        var w = await WorldAsync();
        using var unitA = system.Client(w.UnitAToken);
        await Eventually.Until(async () => (await unitA.GetAsync($"/api/reports/{w.Year}/tallies?pageSize=36")).StatusCode, status => status == HttpStatusCode.OK);
        var path = $"/api/reports/{w.Year}/tallies?pageSize=37";
        using var anonymous = system.ClientFrom(system.NewAddress());

        using var first = await anonymous.GetAsync(path);
        using var second = await anonymous.GetAsync(path);
        using var otherQuery = await anonymous.GetAsync($"/api/reports/{w.Year}/tallies?pageSize=38");

        Assert.All(new[] { first, second, otherQuery }, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        Assert.Null(first.Headers.Age);
        Assert.NotNull(second.Headers.Age);
        Assert.Equal(await first.Content.ReadAsStringAsync(), await second.Content.ReadAsStringAsync());
        Assert.Null(otherQuery.Headers.Age);
        foreach (var own in new[] { path, $"/api/contests/{w.Year}/entries" })
        {
            (await unitA.GetAsync(own)).Dispose();
            using var again = await unitA.GetAsync(own);
            Assert.Equal(HttpStatusCode.OK, again.StatusCode);
            Assert.Null(again.Headers.Age);
        }
    }

    [Fact]
    public async Task Without_a_token_a_large_body_is_refused_401_before_the_gateway_reads_it()
    {
        var w = await WorldAsync();
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(IPAddress.Loopback, system.GatewayAddress.Port);
        var stream = tcp.GetStream();
        var chunk = new string('a', 64 * 1024);

        await stream.WriteAsync(Encoding.ASCII.GetBytes($"POST /api/contests/{w.Year}/entries HTTP/1.1\r\nHost: localhost\r\n" +
            $"Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n{chunk.Length:x}\r\n{chunk}\r\n"));

        // The rest of the body never comes: a gateway that read it before checking the caller would still be waiting.
        using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(4));
        var head = await ReadResponseHeadAsync(stream, patience.Token);
        Assert.StartsWith("HTTP/1.1 401", head);
        Assert.Contains("application/problem+json", head);
    }

    [Fact]
    public async Task An_outsiders_trace_context_is_dropped_and_a_trusted_proxys_kept()
    {
        async Task<string> TraceOfAnswerAsync(HttpClient client, ActivityTraceId traceId)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/api/no-such-resource");
            request.Headers.Add("traceparent", $"00-{traceId}-{ActivitySpanId.CreateRandom()}-01");
            request.Headers.Add("baggage", "role=secretariat");
            using var response = await client.SendAsync(request);
            await AssertRefusal(response, 404, "not_found");
            return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("traceId").GetString()!;
        }
        var outsiders = ActivityTraceId.CreateRandom();
        var proxied = ActivityTraceId.CreateRandom();
        using var outsider = system.ClientFrom(system.NewAddress());
        using var proxy = system.ClientFrom(SystemFixture.TrustedProxy);

        Assert.NotEqual(outsiders.ToString(), await TraceOfAnswerAsync(outsider, outsiders));
        Assert.Equal(proxied.ToString(), await TraceOfAnswerAsync(proxy, proxied));
    }

    /// <summary>
    /// Waves of 250 requests at once until one is refused (or 2,500 were sent): more than a bucket's burst plus what it
    /// refills while a slow wave (the API documents on a busy machine) arrives.
    /// </summary>
    private static async Task<List<(HttpStatusCode StatusCode, TimeSpan? RetryAfter, string? Type, string Body)>> FloodAsync(
        HttpClient client, string path, Action<HttpRequestMessage>? decorate = null)
    {
        var responses = new List<(HttpStatusCode StatusCode, TimeSpan? RetryAfter, string? Type, string Body)>();
        while (responses.Count < 2500 && !responses.Any(r => r.StatusCode == HttpStatusCode.TooManyRequests))
        {
            responses.AddRange(await Task.WhenAll(Enumerable.Range(0, 250).Select(async _ =>
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, path);
                decorate?.Invoke(request);
                using var response = await client.SendAsync(request);
                return (response.StatusCode, RetryAfter: response.Headers.RetryAfter?.Delta,
                    Type: response.Content.Headers.ContentType?.MediaType, Body: await response.Content.ReadAsStringAsync());
            })));
        }
        return responses;
    }

    private static void AssertLimited(List<(HttpStatusCode StatusCode, TimeSpan? RetryAfter, string? Type, string Body)> responses)
    {
        Assert.DoesNotContain(responses, r => (int)r.StatusCode >= 500);
        var limited = responses.Where(r => r.StatusCode == HttpStatusCode.TooManyRequests).ToList();
        Assert.True(limited.Count > 0, $"{responses.Count} requests, none refused");
        Assert.All(limited, r =>
        {
            Assert.True(r.RetryAfter >= TimeSpan.FromSeconds(1), "Retry-After is missing");
            Assert.Equal("application/problem+json", r.Type);
            Assert.Equal("rate_limited", JsonDocument.Parse(r.Body).RootElement.GetProperty("code").GetString());
        });
    }

    /// <summary>An HTTP/1.1 answer's status line and headers, read off the wire.</summary>
    private static async Task<string> ReadResponseHeadAsync(Stream stream, CancellationToken cancellationToken)
    {
        var head = new List<byte>();
        var one = new byte[1];
        while (!(head.Count >= 4 && head[^4] == '\r' && head[^3] == '\n' && head[^2] == '\r' && head[^1] == '\n'))
        {
            if (await stream.ReadAsync(one, cancellationToken) == 0)
            {
                break;
            }
            head.Add(one[0]);
        }
        return Encoding.ASCII.GetString([.. head]);
    }

    [Fact]
    public async Task A_correctly_minted_token_is_accepted_so_the_forged_ones_fail_for_their_flaw()
    {
        var w = await WorldAsync();
        using var client = system.Client(TestTokens.Mint(UnitClaims(w), w.SigningKey, w.Issuer));
        using var response = await client.GetAsync($"/api/contests/{w.Year}/entries");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Personal_data_never_reaches_the_logs_or_the_exported_telemetry()
    {
        var w = await WorldAsync();
        using var anonymous = system.Client();
        await Eventually.Until(
            async () => await (await anonymous.GetAsync($"/api/reports/{w.Year}/tallies?pageSize=200")).Content.ReadAsStringAsync(),
            body => JsonDocument.Parse(body).RootElement.GetProperty("items").EnumerateArray()
                .Any(row => row.GetProperty("unitCode").GetString() == w.UnitA && row.GetProperty("accepted").GetInt32() >= 1),
            TimeSpan.FromSeconds(30));
        // Recognition keeps the nominee: wait until it has consumed the entry, so its handling is in the logs too.
        using var secretariat = system.Client(w.SecretariatToken);
        await Eventually.Until(
            async () => await (await secretariat.GetAsync($"/api/recognition/{w.Year}/nominees?pageSize=200")).Content.ReadAsStringAsync(),
            body => body.Contains(w.PrivateNomineeName), TimeSpan.FromSeconds(30));

        string[] secrets = [w.PrivatePhone, w.PrivateEmail, w.PrivateNomineeName, w.PrivateStreet];

        // The control: a request of this test is among the exported traces, so the search below searches something.
        var nomineesPath = $"/api/recognition/{w.Year}/nominees";
        await Eventually.Until(async () =>
        {
            (await secretariat.GetAsync(nomineesPath)).Dispose();
            // The services export their spans in batches: one request a second while waiting, not ten.
            await Task.Delay(TimeSpan.FromSeconds(1));
            return system.Telemetry.Contains(nomineesPath);
        }, exported => exported, TimeSpan.FromSeconds(60));
        foreach (var secret in secrets)
        {
            Assert.False(system.Telemetry.Contains(secret), $"'{secret}' was exported as telemetry");
        }

        var logs = system.App.Services.GetRequiredService<ResourceLoggerService>();
        var model = system.App.Services.GetRequiredService<DistributedApplicationModel>();
        var lines = new List<string>();
        foreach (var resource in model.Resources.OfType<ProjectResource>())
        {
            await foreach (var batch in logs.GetAllAsync(resource))
            {
                lines.AddRange(batch.Select(line => $"{resource.Name}: {line.Content}"));
            }
        }
        if (lines.Count == 0)
        {
            Assert.Skip("The app host kept no console log lines to inspect.");
        }
        foreach (var secret in secrets)
        {
            Assert.DoesNotContain(lines, line => line.Contains(secret, StringComparison.Ordinal));
        }
    }

    /// <summary>A problem+json refusal with its <c>code</c>, or at the issuer's endpoints an RFC 6749 error body.</summary>
    private static async Task AssertRefusal(HttpResponseMessage response, int status, string code, bool oauth = false)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True((int)response.StatusCode < 500, $"5xx: {(int)response.StatusCode} {body}");
        Assert.True((int)response.StatusCode == status, $"Expected {status} {code}, got {(int)response.StatusCode}: {body}");
        Assert.Equal(oauth ? "application/json" : "application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(body);
        Assert.Equal(code, problem.RootElement.GetProperty(oauth ? "error" : "code").GetString());
        Assert.DoesNotContain("Exception", body);
        Assert.DoesNotContain("   at ", body);
        Assert.DoesNotContain("SQLite", body, StringComparison.OrdinalIgnoreCase);
    }

    private HttpClient ClientFor(World w, string who)
    {
        if (who == "basic")
        {
            var client = system.Client();
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic",
                Convert.ToBase64String(Encoding.UTF8.GetBytes($"secretariat:{SystemFixture.SecretariatSecret}")));
            return client;
        }
        if (who.StartsWith("token:", StringComparison.Ordinal))
        {
            var client = system.Client();
            client.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", $"Bearer {ForgedToken(w, who["token:".Length..])}".TrimEnd());
            return client;
        }
        return who switch
        {
            "anonymous" => system.Client(),
            "unitA" => system.Client(w.UnitAToken),
            "unitB" => system.Client(w.UnitBToken),
            "judge" => system.Client(w.JudgeToken),
            "secretariat" => system.Client(w.SecretariatToken),
            _ => throw new ArgumentOutOfRangeException(nameof(who), who, null)
        };
    }

    private static string ForgedToken(World w, string kind)
    {
        var secretariat = new Dictionary<string, object> { ["sub"] = "secretariat", ["role"] = "secretariat" };
        var wrongKey = new SymmetricSecurityKey(Encoding.UTF8.GetBytes("a-key-that-is-long-enough-but-not-the-gateways-key-0123456789-0123456789"));
        var now = DateTime.UtcNow;
        return kind switch
        {
            "" => "",
            "garbage" => "not.a.token",
            "alg-none" => $"{Base64UrlEncoder.Encode("{\"alg\":\"none\",\"typ\":\"JWT\"}")}.{Base64UrlEncoder.Encode(
                $"{{\"sub\":\"secretariat\",\"role\":\"secretariat\",\"iss\":\"{w.Issuer}\",\"aud\":\"hoankiem-api\",\"exp\":{DateTimeOffset.UtcNow.AddHours(1).ToUnixTimeSeconds()}}}")}.",
            "wrong-key" => TestTokens.Mint(secretariat, new RsaSecurityKey(RSA.Create(2048)), w.Issuer),
            // Another RSA key that claims the gateway's key id: the signature, not the header, decides.
            "other-key-same-kid" => TestTokens.Mint(secretariat, new RsaSecurityKey(RSA.Create(2048)) { KeyId = w.SigningKey.KeyId }, w.Issuer),
            "hs512-wrong-key" => TestTokens.Mint(secretariat, wrongKey, w.Issuer, algorithm: SecurityAlgorithms.HmacSha512),
            // Algorithm confusion: HMAC keyed with the gateway's published public key.
            "hs256-public-key" => TestTokens.Mint(secretariat, new SymmetricSecurityKey(w.SigningKey.Certificate.GetRSAPublicKey()!.ExportSubjectPublicKeyInfo())
                { KeyId = w.SigningKey.KeyId }, w.Issuer, algorithm: SecurityAlgorithms.HmacSha256),
            "expired" => TestTokens.Mint(secretariat, w.SigningKey, w.Issuer, notBefore: now.AddHours(-2), expires: now.AddHours(-1)),
            "wrong-audience" => TestTokens.Mint(secretariat, w.SigningKey, w.Issuer, audience: "another-api"),
            "wrong-issuer" => TestTokens.Mint(secretariat, w.SigningKey, "http://evil.example/"),
            "not-yet-valid" => TestTokens.Mint(secretariat, w.SigningKey, w.Issuer, notBefore: now.AddHours(1), expires: now.AddHours(2)),
            "signature-stripped" => string.Join('.', TestTokens.Mint(secretariat, w.SigningKey, w.Issuer).Split('.')[..2]) + ".",
            "role-tampered" => TamperRole(w.UnitAToken),
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null)
        };
    }

    /// <summary>A real unit token with its payload rewritten to the secretariat's role, signature kept.</summary>
    private static string TamperRole(string token)
    {
        var parts = token.Split('.');
        var payload = JsonNode.Parse(Base64UrlEncoder.Decode(parts[1]))!.AsObject();
        payload["role"] = "secretariat";
        return $"{parts[0]}.{Base64UrlEncoder.Encode(payload.ToJsonString())}.{parts[2]}";
    }

    private static Dictionary<string, object> UnitClaims(World w) => new() { ["sub"] = $"minted-{w.UnitA}", ["role"] = "unit", ["unit"] = w.UnitA };

    private static HttpContent? Content(World w, Attack attack)
    {
        if (attack.Body is null)
        {
            return null;
        }
        if (attack.Body.StartsWith("hex:", StringComparison.Ordinal))
        {
            var bytes = new ByteArrayContent(Convert.FromHexString(attack.Body["hex:".Length..]));
            bytes.Headers.ContentType = new MediaTypeHeaderValue(attack.ContentType) { CharSet = "utf-8" };
            return bytes;
        }
        if (attack.Body == "entry:chunked-300k")
        {
            var entry = EntryNode(w.Year * 100 + 30);
            entry["body"] = new string('a', 300 * 1024);
            return new StreamContent(new UnknownLengthStream(Encoding.UTF8.GetBytes(entry.ToJsonString())))
            {
                Headers = { ContentType = new MediaTypeHeaderValue("application/json") }
            };
        }
        if (attack.Body.StartsWith("entry:", StringComparison.Ordinal))
        {
            return Json(MutatedEntry(w, attack.Body["entry:".Length..]));
        }
        return new StringContent(w.Fill(attack.Body), Encoding.UTF8, attack.ContentType);
    }

    private static JsonObject MutatedEntry(World w, string mutation)
    {
        var entry = EntryNode(w.Year * 1000 + 500 + Array.FindIndex(Attacks, a => a.Body == $"entry:{mutation}"));
        var author = entry["author"]!.AsObject();
        var nominee = entry["nominee"]!.AsObject();
        switch (mutation)
        {
            case "valid": break;
            case "title-501": entry["title"] = new string('t', 501); break;
            case "title-100k": entry["title"] = new string('t', 100_000); break;
            case "title-blank": entry["title"] = " \t\u00a0 "; break;
            case "author-name-201": author["fullName"] = new string('n', 201); break;
            case "author-position-201": author["position"] = new string('p', 201); break;
            case "author-phone-51": author["phone"] = new string('9', 51); break;
            case "author-email-201": author["email"] = new string('e', 196) + "@x.vn"; break;
            case "nominee-name-201": nominee["fullName"] = new string('n', 201); break;
            case "nominee-position-201": nominee["position"] = new string('p', 201); break;
            case "nominee-workplace-301": nominee["workplace"] = new string('w', 301); break;
            case "nominee-street-301": nominee["address"]!["street"] = new string('s', 301); break;
            case "nominee-ward-101": nominee["address"]!["ward"] = new string('w', 101); break;
            case "birthyear-1700": nominee["birthYear"] = 1700; break;
            case "birthyear-negative": nominee["birthYear"] = -5; break;
            case "birthyear-3000": nominee["birthYear"] = 3000; break;
            case "body-one-word": entry["body"] = "Một"; break;
            case "body-3000-words": entry["body"] = TestData.Article(w.Year, 3000); break;
            case "field-script": entry["field"] = "<script>alert(1)</script>"; break;
            case "field-sql": entry["field"] = "urban'; DROP TABLE Entries; --"; break;
            case "ward-sql": nominee["address"]!["ward"] = "Hàng Gai' OR '1'='1"; break;
            case "no-author-contact": author["phone"] = null; author["email"] = null; break;
            case "no-nominee": entry["nominee"] = null; break;
            case "unit-b": entry["unitCode"] = w.UnitB; break;
            case "unit-unknown": entry["unitCode"] = "khong-ton-tai"; break;
            default: throw new ArgumentOutOfRangeException(nameof(mutation), mutation, null);
        }
        return entry;
    }

    private static JsonObject EntryNode(int seed) => JsonSerializer.SerializeToNode(TestData.Entry(seed))!.AsObject();

    private static StringContent Json(JsonNode node) => new(node.ToJsonString(), Encoding.UTF8, "application/json");

    private async Task<World> WorldAsync()
    {
        await WorldGate.WaitAsync();
        try
        {
            return world ??= await World.CreateAsync(system);
        }
        finally
        {
            WorldGate.Release();
        }
    }

    /// <summary>The year every attack targets: two units with an entry each, a judge with nothing assigned.</summary>
    private sealed record World(
        SystemFixture System, string SecretariatToken, int Year, string UnitA, string UnitB, string UnitAToken, string UnitBToken, string FloodToken, string JudgeToken,
        Guid EntryA, Guid EntryB, X509SecurityKey SigningKey, string Issuer, string PrivatePhone, string PrivateEmail, string PrivateNomineeName, string PrivateStreet)
    {
        public static async Task<World> CreateAsync(SystemFixture system)
        {
            var year = system.NewYear();
            var secretariatToken = await system.SecretariatTokenAsync();
            using var secretariat = system.Client(secretariatToken);
            await system.OpenContestAsync(secretariat, year);
            async Task<(string Code, string Token)> UnitAsync(string code)
            {
                var unit = await ThinSliceTests.ReadJson(await secretariat.PostAsJsonAsync("/api/units", new { code, name = $"Đơn vị {code}", kind = "ward" }), HttpStatusCode.Created);
                return (code, await system.TokenAsync(unit.GetProperty("clientId").GetString()!, unit.GetProperty("clientSecret").GetString()!));
            }
            var (unitA, tokenA) = await UnitAsync($"attack-a-{year}");
            var (unitB, tokenB) = await UnitAsync($"attack-b-{year}");
            var (_, floodToken) = await UnitAsync($"attack-flood-{year}");
            var judge = await ThinSliceTests.ReadJson(await secretariat.PostAsJsonAsync($"/api/judging/{year}/judges", new { fullName = "Giám khảo Lê Văn C" }), HttpStatusCode.Created);
            var judgeToken = await system.TokenAsync(judge.GetProperty("clientId").GetString()!, judge.GetProperty("clientSecret").GetString()!);

            var marker = Guid.NewGuid().ToString("N")[..8];
            var phone = $"09{Random.Shared.Next(10_000_000, 99_999_999)}";
            var email = $"rieng-tu-{marker}@example.vn";
            var nomineeName = $"Phạm Thị Riêng Tư {marker}";
            var street = $"{marker} ngõ Bí Mật";
            var entryA = EntryNode(year * 100 + 1);
            entryA["author"]!["phone"] = phone;
            entryA["author"]!["email"] = email;
            entryA["nominee"]!["fullName"] = nomineeName;
            entryA["nominee"]!["address"]!["street"] = street;
            using var clientA = system.Client(tokenA);
            using var clientB = system.Client(tokenB);
            var receiptA = await ThinSliceTests.ReadJson(await clientA.PostAsync($"/api/contests/{year}/entries", Json(entryA)), HttpStatusCode.Created);
            var receiptB = await ThinSliceTests.ReadJson(await clientB.PostAsync($"/api/contests/{year}/entries", Json(EntryNode(year * 100 + 2))), HttpStatusCode.Created);

            return new World(system, secretariatToken, year, unitA, unitB, tokenA, tokenB, floodToken, judgeToken,
                receiptA.GetProperty("id").GetGuid(), receiptB.GetProperty("id").GetGuid(), system.GatewaySigningKey(), system.Issuer, phone, email, nomineeName, street);
        }

        public string Fill(string text) => text
            .Replace("{year}", Year.ToString())
            .Replace("{entryA}", EntryA.ToString())
            .Replace("{entryB}", EntryB.ToString())
            .Replace("{unitA}", UnitA)
            .Replace("{unitB}", UnitB);

        /// <summary>What an attack must not change: the year's entries (ids, units, statuses, titles).</summary>
        public async Task<string> SnapshotAsync()
        {
            using var secretariat = System.Client(SecretariatToken);
            var entries = await secretariat.GetFromJsonAsync<JsonElement>($"/api/contests/{Year}/entries?pageSize=200");
            var rows = entries.GetProperty("items").EnumerateArray()
                .Select(e => $"{e.GetProperty("id")}:{e.GetProperty("unitCode")}:{e.GetProperty("status")}:{e.GetProperty("title").GetString()?.Length}");
            return $"entries={entries.GetProperty("total")} {string.Join(",", rows)}";
        }
    }

    /// <summary>A body the client cannot announce a length for, so it is sent chunked.</summary>
    private sealed class UnknownLengthStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;
    }
}
