using System.Text;
using HoanKiem.Submission.Corpus;
using HoanKiem.Submission.Duplicates;
using Xunit;

namespace HoanKiem.Submission.Tests;

/// <summary>
/// The detector itself (index, signatures, exact confirmation) on the generated corpus, without HTTP so that
/// thousands of checks stay fast; the HTTP path is covered in <see cref="DuplicateTests"/>.
/// </summary>
public sealed class DuplicateCorpusTests(ITestOutputHelper output)
{
    private const int Year = 2019;
    private const int Articles = 1_000;

    [Fact]
    public async Task Distinct_articles_are_never_flagged_and_light_edits_are_recognised()
    {
        var detector = new DuplicateDetector();
        var shingles = new Dictionary<Guid, uint[]>();
        var ids = new Guid[Articles];
        Task<IReadOnlyDictionary<Guid, uint[]>> Lookup(IReadOnlyCollection<Guid> wanted) =>
            Task.FromResult<IReadOnlyDictionary<Guid, uint[]>>(wanted.ToDictionary(id => id, id => shingles[id]));

        var articles = new Article[Articles];
        var originals = new Fingerprint[Articles];
        Parallel.For(0, Articles, i => originals[i] = Fingerprint.Of((articles[i] = ArticleCorpus.Generate(i)).Body));
        var falsePositives = 0;
        for (var i = 0; i < Articles; i++)
        {
            if (await detector.FindAsync(Year, originals[i], Lookup) is not null)
            {
                falsePositives++;
            }
            ids[i] = Guid.NewGuid();
            shingles[ids[i]] = originals[i].Shingles;
            detector.Add(new IndexedEntry(ids[i], Year, $"unit-{i % 40}", DateTimeOffset.UnixEpoch.AddMinutes(i)), originals[i].Signature, i + 1);
        }

        var missed = new Dictionary<EditKind, int>();
        var wrongOriginal = 0;
        foreach (var kind in Enum.GetValues<EditKind>())
        {
            var edits = new Fingerprint[Articles];
            Parallel.For(0, Articles, i => edits[i] = Fingerprint.Of(ArticleCorpus.Edit(articles[i], kind, i).Body));
            missed[kind] = 0;
            for (var i = 0; i < Articles; i++)
            {
                var found = (await detector.FindAsync(Year, edits[i], Lookup))?.Original.Id;
                if (found != ids[i])
                {
                    missed[kind]++;
                    wrongOriginal += found is null ? 0 : 1;
                }
            }
            output.WriteLine($"{kind}: recall {1.0 - (double)missed[kind] / Articles:P1}");
        }

        Assert.All(articles, a => Assert.InRange(ArticleCorpus.CountWords(a.Body), ArticleCorpus.MinWords, ArticleCorpus.MaxWords));
        Assert.Equal(0, falsePositives);
        Assert.Equal(0, wrongOriginal);
        Assert.All(missed, m => Assert.True(1.0 - (double)m.Value / Articles >= 0.99, $"{m.Key}: recall {1.0 - (double)m.Value / Articles:P1}"));
    }

    [Fact]
    public async Task Withdrawn_entry_is_no_longer_found()
    {
        var detector = new DuplicateDetector();
        var fingerprint = Fingerprint.Of(ArticleCorpus.Generate(1).Body);
        var id = Guid.NewGuid();
        detector.Add(new IndexedEntry(id, Year, "hang-gai", DateTimeOffset.UnixEpoch), fingerprint.Signature, 1);
        Task<IReadOnlyDictionary<Guid, uint[]>> Lookup(IReadOnlyCollection<Guid> wanted) =>
            Task.FromResult<IReadOnlyDictionary<Guid, uint[]>>(wanted.ToDictionary(w => w, _ => fingerprint.Shingles));

        Assert.Equal(id, (await detector.FindAsync(Year, fingerprint, Lookup))?.Original.Id);
        detector.Remove(id);

        Assert.Null(await detector.FindAsync(Year, fingerprint, Lookup));
        Assert.Equal(0, detector.Count);
    }

    [Fact]
    public void Shingles_ignore_case_diacritics_normalisation_punctuation_whitespace_and_sentence_order()
    {
        const string text = "Ông An giúp đỡ bà con khu phố. Bà Lan, hàng xóm, kể rằng ông rất tận tụy! Người tốt việc tốt.";
        var shingles = Shingles.Of(text);

        Assert.Equal(shingles, Shingles.Of(text.Normalize(NormalizationForm.FormD)));
        Assert.Equal(shingles, Shingles.Of(ArticleCorpus.StripDiacritics(text).ToUpperInvariant()));
        Assert.Equal(shingles, Shingles.Of("Người  tốt\tviệc tốt.\r\nÔng An giúp đỡ bà con, khu phố. Bà Lan hàng xóm kể rằng ông rất tận tụy!"));
        Assert.NotEqual(shingles, Shingles.Of(text.Replace("tận tụy", "nhiệt tình")));
        var hidden = text.Replace("giúp", "gi\u00ADúp").Replace("An", "A\u2060n\uFEFF").Split(' ').Select(w => w.Length > 1 ? $"{w[..1]}\u200B{w[1..]}" : w);
        Assert.Equal(shingles, Shingles.Of(string.Join(' ', hidden)));
        Assert.Equal(shingles, Shingles.Of(text.Replace('o', '\u043E').Replace('a', '\u0430').Replace('e', '\u0435').Replace('c', '\u0441').Replace('p', '\u0440')));
        Assert.Equal(shingles, Shingles.Of(text.Normalize(NormalizationForm.FormD).Replace('o', '\u03BF').Replace('B', '\u0392')));
        Assert.Equal(1.0, Shingles.Jaccard(shingles, shingles));
        Assert.Equal(0.0, Shingles.Jaccard(shingles, Shingles.Of("!!! ... ,,,")));
    }

    [Fact]
    public void Stored_signature_reads_back_and_another_length_is_recomputed()
    {
        var signature = MinHash.Signature(Shingles.Of(ArticleCorpus.Generate(5).Body));

        Assert.Equal(signature, MinHash.FromBytes(MinHash.ToBytes(signature)));
        Assert.Null(MinHash.FromBytes(new byte[64 * sizeof(uint)]));
        Assert.Null(MinHash.FromBytes(null));
    }
}
