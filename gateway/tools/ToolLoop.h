#pragma once

#include "gateway/ollama/ModelQueue.h"
#include "gateway/openai/ChatStreamTranslator.h"
#include "gateway/openai/NativeRequest.h"
#include "gateway/openai/NdjsonLineBuffer.h"
#include "gateway/routes/Exchange.h"
#include "mcp/ServerManager.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QObject>
#include <QSet>
#include <QTimer>

#include <memory>

namespace llamagate {

class McpHub;
class OllamaCall;
struct GatewayContext;

/// One chat completion with MCP tools offered: calls the model, executes the MCP tools it asks for (in parallel,
/// capped per round, each with its timeout, results capped in size, failures returned to the model as results),
/// and calls it again, until it answers, calls a client tool, or the round limit is reached. With `stream` the
/// model's text is relayed as it comes, tool rounds are reported as SSE comments, and the last round streams.
class ToolLoop : public QObject
{
    Q_OBJECT
public:
    /// The MCP tools to offer for `request` (none when tool_choice is "none" or names a function).
    static QJsonArray mcpToolsFor(const McpHub& hub, const QJsonObject& request);

    /// Serves the exchange; the loop belongs to its responder.
    static void start(const GatewayContext& context,
                      McpHub& hub,
                      const ExchangePtr& exchange,
                      const NativeRequest& native,
                      const QString& id,
                      const QJsonArray& mcpTools);

private:
    ToolLoop(const GatewayContext& context,
             McpHub& hub,
             const ExchangePtr& exchange,
             const NativeRequest& native,
             const QString& id,
             const QJsonArray& mcpTools);

    void nextRound();
    void sendRound(ModelQueue::SlotPtr slot);
    void onStreamStarted(int status);
    void onStreamData(const QByteArray& bytes);
    void onStreamFinished();
    void onStreamLine(const QJsonObject& line);
    void onReply(const QJsonObject& reply, const QJsonArray& calls);
    void runTools(const QJsonObject& reply, const QJsonArray& calls);
    void startTool(int index, const QJsonObject& call);
    void toolDone(int index, const QJsonObject& message, const QJsonObject& logEntry);
    void finish(QJsonObject reply, const QJsonArray& clientCalls, bool roundLimit);
    void fail(const ApiError& error);
    void countTokens(const QJsonObject& reply);

    void progress(const QString& comment);
    void send(const QByteArray& bytes);
    void beginStream();
    void onKeepAlive();
    QJsonObject summary(bool roundLimit) const;
    void done();

    const GatewayContext& m_context;
    McpHub& m_hub;
    ExchangePtr m_exchange;
    NativeRequest m_native;
    QString m_id;
    QJsonArray m_messages;
    QSet<QString> m_clientTools;
    int m_round = 0;

    ModelQueue::SlotPtr m_slot;
    OllamaCall* m_call = nullptr;
    std::unique_ptr<ChatStreamTranslator> m_translator;
    NdjsonLineBuffer m_lines;
    int m_upstreamStatus = 0;
    QByteArray m_errorBody;
    QJsonArray m_roundCalls; ///< tool calls seen in the current streamed round, held back until it ends
    QString m_roundContent;
    bool m_roundDone = false;
    QTimer m_keepAlive;
    bool m_sentSinceTick = false;

    QList<QJsonObject> m_results; ///< the tool messages of the running round, in call order
    int m_pendingTools = 0;
    QHash<int, mcp::CallHandle> m_runningCalls; ///< MCP calls of the round not answered yet, by call index
    QStringList m_ran;                          ///< model-facing names of the tools executed, in order
    QJsonArray m_toolLog;
    qint64 m_promptTokens = 0;
    qint64 m_completionTokens = 0;
};

} // namespace llamagate
