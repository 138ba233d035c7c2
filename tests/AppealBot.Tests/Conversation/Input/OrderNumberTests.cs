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
    [InlineData("8123–4567–8901–2345", "8123456789012345")]
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
    [InlineData("+8123456789012", "plus sign")]
    [InlineData("8123/4567/8901", "slash is not a separator")]
    [InlineData("8123_4567_8901", "underscore is not a separator")]
    [InlineData("8123456789012\n8123456789013", "two numbers on two lines")]
    [InlineData("٨١٢٣٤٥٦٧٨٩٠١٢", "Arabic-Indic digits")]
    [InlineData("８１２３４５６７８９０１２", "full-width digits")]
    [InlineData("https://aliexpress.com/p/order/detail.html?orderId=8123456789012", "a link")]
    [InlineData("мой заказ 123", "three digits in a sentence")]
    [InlineData("заказ 8123 4567", "eight digits in a sentence")]
    [InlineData("заказ 8123456789012345 или 8123456789012346", "two different numbers")]
    [InlineData("8123456789012345, 3012456789012345", "two different numbers after a comma")]
    [InlineData("8123 45x67 8901 2345", "a letter in the middle: a typo, not a shorter number")]
    [InlineData("https://aliexpress.ru/item/1005001234567890.html", "a product link")]
    [InlineData("aliexpress.ru/item/1005001234567890.html", "a product link without its scheme")]
    [InlineData("www.aliexpress.com/item/1005001234567890.html", "a link starting with www")]
    [InlineData("тел. +7 912 345 67 89 01", "a phone number with its plus")]
    [InlineData("8 (912) 345-67-89", "a phone number in brackets")]
    [InlineData("25.11.2025 12.30", "a date and a time")]
    [InlineData("1.234.567.890.123", "dotted digits")]
    [InlineData("сумма 123 456 789 012,50", "an amount with decimals")]
    [InlineData("8123 4567 8901 2345 89123456789", "an order number and a phone number with only a space between")]
    public void Rejects(string? text, string reason)
    {
        Assert.False(OrderNumber.TryParse(text, out var orderNumber), reason);
        Assert.Equal(string.Empty, orderNumber);
    }

    [Theory]
    [InlineData("Заказ №8123456789012399", "8123456789012399")]
    [InlineData("заказ № 8123456789012399", "8123456789012399")]
    [InlineData("Номер заказа: 8123 4567 8901 2399", "8123456789012399")]
    [InlineData("мой заказ 8123456789012399, помогите", "8123456789012399")]
    [InlineData("ordine 3012456789012345", "3012456789012345")]
    [InlineData("Ordine n. 3012 4567 8901 2345", "3012456789012345")]
    [InlineData("Ordine n.3012456789012345", "3012456789012345")]
    [InlineData("order #8123-4567-8901-2345", "8123456789012345")]
    [InlineData("Order 8123456789012", "8123456789012")]
    [InlineData("№ 8123456789012", "8123456789012")]
    [InlineData("#8123456789012", "8123456789012")]
    [InlineData("(8123456789012)", "8123456789012")]
    [InlineData("«8123456789012»", "8123456789012")]
    [InlineData("order id:8123456789012345", "8123456789012345")]
    [InlineData("Заказ​ №‎8123​4567​8901​2399", "8123456789012399")]
    [InlineData("заказ 8123456789012399 от 25.11.2025", "8123456789012399")]
    [InlineData("25.11.2025 8123456789012399", "8123456789012399")]
    [InlineData("от 5 ноября 2025 8123456789012399", "8123456789012399")]
    [InlineData("8123456789012399 +7 912 345-67-89", "8123456789012399")]
    [InlineData("8123456789012399 – 12 шт.", "8123456789012399")]
    [InlineData("в 12:30 8123 4567 8901 2399", "8123456789012399")]
    [InlineData("8123456789012399 и ещё раз 8123456789012399", "8123456789012399")]
    [InlineData("на 15,50 € заказ 8123456789012399", "8123456789012399")]
    public void Finds_the_number_inside_a_sentence(string text, string expected)
    {
        Assert.True(OrderNumber.TryParse(text, out var orderNumber), text);
        Assert.Equal(expected, orderNumber);
    }
}
