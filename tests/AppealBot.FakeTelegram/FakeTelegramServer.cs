using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Telegram.Bot;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;

namespace AppealBot.Tests.FakeTelegram;

/// <summary>
/// An in-process Telegram Bot API server on a random local port: it answers a bot's calls like the real one
/// (validation, error texts, getUpdates offsets), records them, and lets tests play users and inject faults.
/// </summary>
public sealed class FakeTelegramServer : IAsyncDisposable
{
    public const string DefaultToken = "123456:TEST-token";
    public const int FirstUpdateId = 1000;

    /// <summary>The header Telegram puts the webhook's secret token in.</summary>
    public const string SecretHeader = "X-Telegram-Bot-Api-Secret-Token";

    private static readonly TimeSpan DefaultWaitTimeout = TimeSpan.FromSeconds(10);

    private readonly WebApplication _app;
    private readonly CallLog _calls = new();
    private readonly FaultPlan _faults = new();
    private FloodLimits? _flood;
    private readonly UpdateQueue _updates = new(FirstUpdateId);
    private readonly FakeFiles _files = new();
    private readonly BotApiMethods _methods;
    private readonly HttpClient _webhookClient = new() { Timeout = TimeSpan.FromSeconds(30) };

    private FakeTelegramServer(string token, TimeProvider clock)
    {
        var botId = token.Split(':')[0];
        if (botId.Length == 0 || !botId.All(char.IsAsciiDigit) || botId.Length == token.Length)
        {
            throw new ArgumentException("A bot token looks like 123456:secret.", nameof(token));
        }

        Token = token;
        Clock = clock;
        Bot = new User
        {
            Id = long.Parse(botId, CultureInfo.InvariantCulture),
            IsBot = true,
            FirstName = "AppealBot",
            Username = "AppealTestBot",
        };
        Chats = new BotChats(Bot, clock);
        _methods = new BotApiMethods(Bot, Chats, _updates, _files);

        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");

        // Room for a document just over the 50 MB limit, so the limit answers as Telegram does rather than Kestrel.
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = BotApiMethods.MaxDocumentBytes + (4 * 1024 * 1024));
        builder.Services.Configure<HostOptions>(options => options.ShutdownTimeout = TimeSpan.FromSeconds(2));
        _app = builder.Build();
        _app.Run(HandleAsync);
    }

    public string Token { get; }

    /// <summary>Like <c>http://127.0.0.1:41234</c>; pass it to <c>TelegramBotClientOptions</c> as the base URL.</summary>
    public string BaseUrl { get; private set; } = string.Empty;

    /// <summary>The bot user that getMe returns and that sends the bot's messages.</summary>
    public User Bot { get; }

    public IReadOnlyList<RecordedCall> Calls => _calls.All;

    /// <summary>Every update with a smaller id has been confirmed by a getUpdates offset.</summary>
    public long ConfirmedOffset => _updates.ConfirmedOffset;

    /// <summary>Updates queued and not yet confirmed.</summary>
    public IReadOnlyList<Update> PendingUpdates => _updates.Pending;

    /// <summary>What the bot registered with setWebhook; null while it long-polls.</summary>
    public FakeWebhook? Webhook => _methods.Webhook;

    /// <summary>
    /// Where webhook deliveries really go, such as <c>http://127.0.0.1:41234</c>: the bot registers its public URL,
    /// which a proxy would forward; deliveries post to this address plus that URL's path.
    /// </summary>
    public Uri? WebhookTarget { get; set; }

    internal BotChats Chats { get; }

    internal TimeProvider Clock { get; }

    /// <param name="token">The token the bot must use; its digits are the bot's user id.</param>
    /// <param name="clock">Dates messages and recorded calls; long-poll timeouts always use real time.</param>
    public static async Task<FakeTelegramServer> StartAsync(string token = DefaultToken, TimeProvider? clock = null)
    {
        var server = new FakeTelegramServer(token, clock ?? TimeProvider.System);
        await server._app.StartAsync();
        server.BaseUrl = server._app.Urls.Single().TrimEnd('/');
        return server;
    }

    /// <summary>A client for this server with the library's default retry settings.</summary>
    public TelegramBotClient CreateClient() => new(new TelegramBotClientOptions(Token, BaseUrl));

    public IReadOnlyList<RecordedCall> CallsTo(string method) =>
        [.. Calls.Where(call => string.Equals(call.Method, method, StringComparison.OrdinalIgnoreCase))];

    /// <summary>How the bot answered a callback query; null while it has not.</summary>
    public CallbackAnswer? AnswerTo(string queryId) => Chats.AnswerTo(queryId);

    /// <summary>The bot's current messages in a chat, oldest first.</summary>
    public IReadOnlyList<BotMessage> MessagesIn(long chatId) => Chats.Messages(chatId);

    /// <summary>Everything the bot sent, edited or deleted in a chat, in order.</summary>
    public IReadOnlyList<MessageOperation> HistoryOf(long chatId) => Chats.History(chatId);

    /// <summary>A user in a private chat with the bot (chat id = user id); the bot may write to it from now on.</summary>
    public FakeUser User(long id, string? languageCode = "en", string firstName = "Test")
    {
        var user = new User { Id = id, FirstName = firstName, LanguageCode = languageCode, Username = $"user{id}" };
        var chat = new Chat { Id = id, Type = ChatType.Private, FirstName = firstName, Username = user.Username };
        Chats.Register(chat);
        return new FakeUser(this, user, chat);
    }

    /// <summary>
    /// Stores a file as if a user had sent it, for <see cref="FakeUser.SendPhotoAsync"/> and <see cref="FakeUser.SendDocumentAsync"/>;
    /// the bot fetches it with getFile and the file endpoint. <paramref name="reportedSize"/> makes getFile report another size.
    /// </summary>
    public RegisteredFile AddFile(byte[] content, string? mimeType = null, long? reportedSize = null)
    {
        ArgumentNullException.ThrowIfNull(content);
        return _files.Add(content, mimeType, reportedSize).ToRegistered();
    }

    internal StoredFile? FindFile(string fileId) => _files.Find(fileId);

    /// <summary>Queues an update for getUpdates; <paramref name="build"/> gets the update_id to use.</summary>
    public long EnqueueUpdate(Func<int, Update> build)
    {
        ArgumentNullException.ThrowIfNull(build);
        return _updates.Enqueue(id =>
        {
            var update = build(id);
            RegisterChatsOf(update); // before the bot can see the update, so its replies find the chat
            return update;
        });
    }

    /// <summary>
    /// Posts an update to the bot's webhook as Telegram does (Bot API JSON, the secret header), and returns the
    /// HTTP status the bot answered. <paramref name="secretOverride"/> sends another secret instead.
    /// </summary>
    public async Task<int> DeliverByWebhookAsync(Update update, string? secretOverride = null)
    {
        ArgumentNullException.ThrowIfNull(update);
        RegisterChatsOf(update);
        using var body = new StringContent(JsonSerializer.Serialize(update, JsonBotAPI.Options), Encoding.UTF8, "application/json");
        return await PostToWebhookAsync(body, secretOverride);
    }

    /// <summary>Posts any body to the bot's webhook, as a broken or hostile client could; returns the HTTP status.</summary>
    public async Task<int> PostToWebhookAsync(HttpContent body, string? secretOverride = null)
    {
        var webhook = Webhook ?? throw new InvalidOperationException("No webhook is set: the bot has not called setWebhook, or deleted it.");
        var target = WebhookTarget ?? throw new InvalidOperationException("Set WebhookTarget to the address the bot listens on first.");
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(target, new Uri(webhook.Url).AbsolutePath)) { Content = body };
        if ((secretOverride ?? webhook.SecretToken) is { } secret)
        {
            request.Headers.TryAddWithoutValidation(SecretHeader, secret);
        }

        using var response = await _webhookClient.SendAsync(request);
        return (int)response.StatusCode;
    }

    /// <summary>A fresh update id, from the same counter as queued updates.</summary>
    internal int TakeUpdateId() => _updates.TakeId();

    /// <summary>Delivers an already confirmed update again, with its original id, as Telegram does after a lost confirmation.</summary>
    public void Redeliver(Update update) => _updates.Redeliver(update);

    /// <summary>Every update the bot was given, by id, so a test can redeliver one.</summary>
    public Update? DeliveredUpdate(long updateId) => _updates.Delivered(updateId);

    public async Task<RecordedCall> WaitForCallAsync(
        string method, Func<RecordedCall, bool>? predicate = null, TimeSpan? timeout = null)
    {
        var limit = timeout ?? DefaultWaitTimeout;
        try
        {
            return await _calls.WhenCalled(method, predicate).WaitAsync(limit);
        }
        catch (TimeoutException)
        {
            var matching = predicate is null ? string.Empty : " matching the predicate";
            throw new TimeoutException(
                $"No {method} call{matching} within {limit.TotalSeconds:0.###} s. Recent calls:\n{_calls.DescribeRecent()}");
        }
    }

    /// <summary>Completes once a getUpdates call passed an offset above <paramref name="updateId"/>, i.e. the bot stored it.</summary>
    public Task WaitUntilConfirmedAsync(long updateId, TimeSpan? timeout = null) =>
        WaitForUpdateAsync(_updates.WhenConfirmed(updateId), updateId, "confirmed", timeout);

    /// <summary>
    /// Completes once the bot has confirmed <paramref name="updateId"/> and sent everything it answers it with (see
    /// <see cref="UpdateQueue.WhenAnswered"/> for how the server knows).
    /// </summary>
    public Task WaitUntilAnsweredAsync(long updateId, TimeSpan? timeout = null) =>
        WaitForUpdateAsync(AnsweredBy is { } bot ? ConfirmedThenAsync(updateId, bot) : _updates.WhenAnswered(updateId), updateId, "answered", timeout);

    /// <summary>
    /// The bot's own word on when it has sent everything it owes for an update (and every earlier one); when set,
    /// <see cref="WaitUntilAnsweredAsync"/> waits for the confirmation and then for it, instead of inferring the
    /// answer from the bot's next getUpdates request.
    /// </summary>
    public Func<long, Task>? AnsweredBy { get; set; }

    private async Task ConfirmedThenAsync(long updateId, Func<long, Task> answered)
    {
        await _updates.WhenConfirmed(updateId);
        await answered(updateId);
    }

    /// <summary>The next <paramref name="times"/> calls of <paramref name="method"/> fail with <paramref name="fault"/>.</summary>
    public void FailNext(string method, FakeFault fault, int times = 1)
    {
        ArgumentNullException.ThrowIfNull(fault);
        _faults.Add(method, fault, times);
    }

    /// <summary>From now on messages faster than Telegram allows get 429 with retry_after, as the real server does.</summary>
    public void EnforceFloodLimits(double perSecond = 30, double perChatPerSecond = 1, double chatBurst = 4) =>
        _flood = new FloodLimits(perSecond, perChatPerSecond, chatBurst);

    /// <summary>From now on every write to the chat answers 403 "bot was blocked by the user".</summary>
    public void BlockBot(long chatId) => Chats.SetBlocked(chatId, blocked: true);

    public void UnblockBot(long chatId) => Chats.SetBlocked(chatId, blocked: false);

    public async ValueTask DisposeAsync()
    {
        _updates.Shutdown();
        _webhookClient.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private void RegisterChatsOf(Update update)
    {
        Chat?[] chats = [update.Message?.Chat, update.EditedMessage?.Chat, update.CallbackQuery?.Message?.Chat, update.MyChatMember?.Chat];
        foreach (var chat in chats.OfType<Chat>())
        {
            Chats.Register(chat);
        }
    }

    private async Task HandleAsync(HttpContext context)
    {
        if (context.Request.Path.StartsWithSegments("/file", out var filePath))
        {
            await DownloadAsync(context, filePath.Value ?? string.Empty);
            return;
        }

        var (token, requestedMethod) = SplitPath(context.Request.Path.Value ?? string.Empty);
        var method = requestedMethod is null ? null : _methods.Find(requestedMethod);
        var methodName = method?.Name ?? requestedMethod ?? context.Request.Path.Value ?? string.Empty;
        var parameters = new JsonObject();
        var received = Stopwatch.GetTimestamp();
        try
        {
            (parameters, var files) = await ReadParametersAsync(context.Request, context.RequestAborted);
            if (requestedMethod is not null && token != Token)
            {
                throw new BotApiFailure(401, "Unauthorized");
            }

            if (method is null)
            {
                throw new BotApiFailure(404, "Not Found");
            }

            if (_faults.TakeNext(method.Name) is { } fault)
            {
                if (fault.AppliesFirst)
                {
                    // Telegram did it, but its answer never reached the bot.
                    await method.InvokeAsync(new BotApiArgs(parameters, files), context.RequestAborted);
                    Record(methodName, parameters, errorCode: null, connectionDropped: true, applied: true, received);
                    context.Abort();
                    return;
                }

                if (fault.DropsConnection)
                {
                    Record(methodName, parameters, errorCode: null, connectionDropped: true, received: received);
                    context.Abort();
                    return;
                }

                throw new BotApiFailure(fault.StatusCode, fault.Description, fault.RetryAfterSeconds);
            }

            if (_flood is { } flood && FloodLimits.Applies(method.Name)
                && flood.Take(new BotApiArgs(parameters).OptionalChatId()) is { } retryAfter)
            {
                throw new BotApiFailure(429, $"Too Many Requests: retry after {retryAfter}", retryAfter);
            }

            var result = await method.InvokeAsync(new BotApiArgs(parameters, files), context.RequestAborted);
            Record(methodName, parameters, errorCode: null, received: received);
            await WriteAsync(context, StatusCodes.Status200OK, new JsonObject
            {
                ["ok"] = true,
                ["result"] = JsonSerializer.SerializeToNode(result, result.GetType(), JsonBotAPI.Options),
            });
        }
        catch (BotApiFailure failure)
        {
            Record(methodName, parameters, failure.ErrorCode, received: received, retryAfter: failure.RetryAfterSeconds);
            await WriteAsync(context, failure.ErrorCode, ToJson(failure));
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // The client went away (a cancelled long poll): there is nobody to answer.
        }
    }

    /// <summary>
    /// GET <c>/file/bot{token}/{file_path}</c>, where bots download what getFile pointed to. Recorded as
    /// "downloadFile"; faults planned for "downloadFile" apply.
    /// </summary>
    private async Task DownloadAsync(HttpContext context, string path)
    {
        var slash = path.IndexOf('/', 1);
        var token = path.StartsWith("/bot", StringComparison.Ordinal) && slash > 0 ? path[4..slash] : null;
        var filePath = token is null ? path : path[(slash + 1)..];
        var parameters = new JsonObject { ["file_path"] = filePath };
        var file = token is null ? null : _files.FindByPath(filePath);
        if (_faults.TakeNext("downloadFile") is { } fault)
        {
            Record("downloadFile", parameters, fault.DropsConnection ? null : fault.StatusCode, fault.DropsConnection);
            if (fault.DropsConnection)
            {
                context.Abort();
                return;
            }

            context.Response.StatusCode = fault.StatusCode;
            await context.Response.WriteAsync(fault.Description);
            return;
        }

        var status = token != Token ? StatusCodes.Status401Unauthorized : file is null ? StatusCodes.Status404NotFound : StatusCodes.Status200OK;
        Record("downloadFile", parameters, status == StatusCodes.Status200OK ? null : status);
        context.Response.StatusCode = status;
        if (file is not null && status == StatusCodes.Status200OK)
        {
            context.Response.ContentType = file.MimeType ?? "application/octet-stream";
            context.Response.ContentLength = file.Content.Length;
            await context.Response.Body.WriteAsync(file.Content, context.RequestAborted);
        }
    }

    /// <summary>Splits <c>/bot{token}/{method}</c>; the method is null when the path has another shape.</summary>
    private static (string? Token, string? Method) SplitPath(string path)
    {
        const string prefix = "/bot";
        var lastSlash = path.LastIndexOf('/');
        return path.StartsWith(prefix, StringComparison.Ordinal) && lastSlash > prefix.Length && lastSlash < path.Length - 1
            ? (path[prefix.Length..lastSlash], path[(lastSlash + 1)..])
            : (null, null);
    }

    private static async Task<(JsonObject Parameters, Dictionary<string, UploadedPart> Files)> ReadParametersAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        JsonObject parameters;
        var files = new Dictionary<string, UploadedPart>();
        if (request.HasFormContentType)
        {
            var form = await request.ReadFormAsync(cancellationToken);
            parameters = [];
            foreach (var (name, value) in form)
            {
                parameters[name] = value.ToString();
            }

            foreach (var file in form.Files)
            {
                using var content = new MemoryStream();
                await file.CopyToAsync(content, cancellationToken);
                files[file.Name] = new UploadedPart(file.Name, file.FileName, file.ContentType, content.ToArray());
            }
        }
        else
        {
            using var reader = new StreamReader(request.Body);
            var body = await reader.ReadToEndAsync(cancellationToken);
            parameters = ParseJsonObject(body);
        }

        foreach (var (name, value) in request.Query)
        {
            parameters.TryAdd(name, value.ToString());
        }

        return (parameters, files);
    }

    private static JsonObject ParseJsonObject(string body)
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            return [];
        }

        try
        {
            return JsonNode.Parse(body) as JsonObject ?? throw BotApiFailure.BadRequest("parameters must be a JSON object");
        }
        catch (JsonException)
        {
            throw BotApiFailure.BadRequest("can't parse JSON request body");
        }
    }

    private async Task WaitForUpdateAsync(Task done, long updateId, string what, TimeSpan? timeout)
    {
        var limit = timeout ?? DefaultWaitTimeout;
        try
        {
            await done.WaitAsync(limit);
        }
        catch (TimeoutException)
        {
            var pending = string.Join(", ", _updates.Pending.Select(update => update.Id));
            throw new TimeoutException(
                $"Update {updateId} was not {what} within {limit.TotalSeconds:0.###} s (confirmed offset {ConfirmedOffset}, " +
                $"pending [{pending}]). Recent calls:\n{_calls.DescribeRecent()}");
        }
    }

    private void Record(
        string method, JsonObject parameters, int? errorCode, bool connectionDropped = false, bool applied = false, long? received = null, int? retryAfter = null)
    {
        var now = Stopwatch.GetTimestamp();
        _calls.Add(new RecordedCall(method, JsonSerializer.SerializeToElement(parameters), Clock.GetUtcNow(), errorCode, connectionDropped)
        {
            Applied = applied || (errorCode is null && !connectionDropped),
            ReceivedStamp = received ?? now,
            AnsweredStamp = now,
            RetryAfterSeconds = retryAfter,
        });
    }

    private static JsonObject ToJson(BotApiFailure failure)
    {
        var json = new JsonObject
        {
            ["ok"] = false,
            ["error_code"] = failure.ErrorCode,
            ["description"] = failure.Description,
        };
        if (failure.RetryAfterSeconds is { } retryAfter)
        {
            json["parameters"] = new JsonObject { ["retry_after"] = retryAfter };
        }

        return json;
    }

    private static async Task WriteAsync(HttpContext context, int statusCode, JsonObject payload)
    {
        context.Response.StatusCode = statusCode;
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(payload.ToJsonString());
    }
}
