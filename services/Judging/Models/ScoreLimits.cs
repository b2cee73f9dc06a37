namespace HoanKiem.Judging.Models;

public static class ScoreLimits
{
    public const int MaxCommentLength = 4000;
    public const int MaxCriteria = 20;
    public const int MaxPointsPerCriterion = 1000;
    public const int MaxJudgesPerEntry = 20;
}
