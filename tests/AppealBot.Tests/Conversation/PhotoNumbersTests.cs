using AppealBot.Conversation;

namespace AppealBot.Tests.Conversation;

public sealed class PhotoNumbersTests
{
    [Theory]
    [InlineData(new[] { 1, 2, 3, 4 }, "1–4")]
    [InlineData(new[] { 1, 2, 3, 4, 6, 8, 9 }, "1–4, 6, 8, 9")]
    [InlineData(new[] { 9, 8, 7, 1 }, "1, 7–9")]
    [InlineData(new[] { 5 }, "5")]
    [InlineData(new[] { 3, 3, 4 }, "3, 4")]
    [InlineData(new int[0], "")]
    public void Numbers_read_as_people_write_them(int[] numbers, string expected) =>
        Assert.Equal(expected, PhotoNumbers.Format(numbers));

    [Fact]
    public void A_set_of_numbers_travels_in_one_int_and_comes_back_the_same()
    {
        int[] numbers = [1, 2, 17, 30, 31];

        var mask = PhotoNumbers.ToMask(numbers);

        Assert.Equal(numbers, PhotoNumbers.FromMask(mask));
        Assert.True(mask > 0 || numbers.Contains(31));
    }
}
