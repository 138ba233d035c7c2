using AppealBot.Conversation.Input;

namespace AppealBot.Tests.Conversation.Input;

public sealed class OrderNumberTests
{
    [Theory]
    [InlineData("8123456789012345", "8123456789012345")]
    [InlineData("812345678901", "812345678901")]
    [InlineData("81234567890123456789", "81234567890123456789")]
    [InlineData("8123 4567 8901 2345", "8123456789012345")]
    [InlineData("8123-4567-8901-2345", "8123456789012345")]
    [InlineData("8123456789012\u200B345", "8123456789012345")]
    [InlineData("\u200E8123456789012345\u200F", "8123456789012345")]
    [InlineData("8123 - 4567 - 8901", "812345678901")]
    [InlineData("8123\u00A04567\u00A08901\u00A02345", "8123456789012345")]
    [InlineData("8123\u202F4567\u20098901", "812345678901")]
    [InlineData("  8123456789012  ", "8123456789012")]
    [InlineData("\t8123456789012\n", "8123456789012")]
    [InlineData("\u00A08123456789012\u00A0", "8123456789012")]
    [InlineData("81-23-45-67-89-01-23-45-67-89", "81234567890123456789")]
    [InlineData("000000000000", "000000000000")]
    public void Accepts_digits_with_spaces_and_dashes(string text, string expected)
    {
        Assert.True(OrderNumber.TryParse(text, out var orderNumber));
        Assert.Equal(expected, orderNumber);
    }

    [Theory]
    [InlineData(null, "nothing typed")]
    [InlineData("", "nothing typed")]
    [InlineData("   ", "only spaces")]
    [InlineData("- - -", "only separators")]
    [InlineData("81234567890", "11 digits is too short")]
    [InlineData("8123 4567 890", "11 digits with spaces is too short")]
    [InlineData("812345678901234567890", "21 digits is too long")]
    [InlineData("8123-4567-8901-2345-6789-0", "21 digits with dashes is too long")]
    [InlineData("8123456789O12", "letter O instead of zero")]
    [InlineData("l23456789012", "letter l instead of one")]
    [InlineData("8123456789012a", "trailing letter")]
    [InlineData("Order 8123456789012", "words around the number")]
    [InlineData("№ 8123456789012", "number sign")]
    [InlineData("#8123456789012", "hash sign")]
    [InlineData("+8123456789012", "plus sign")]
    [InlineData("8123/4567/8901", "slash is not a separator")]
    [InlineData("8123_4567_8901", "underscore is not a separator")]
    [InlineData("8123456789012\n8123456789013", "two numbers on two lines")]
    [InlineData("٨١٢٣٤٥٦٧٨٩٠١٢", "Arabic-Indic digits")]
    [InlineData("８１２３４５６７８９０１２", "full-width digits")]
    [InlineData("https://aliexpress.com/p/order/detail.html?orderId=8123456789012", "a link")]
    public void Rejects(string? text, string reason)
    {
        Assert.False(OrderNumber.TryParse(text, out var orderNumber), reason);
        Assert.Equal(string.Empty, orderNumber);
    }
}
