#pragma once

#include "mcp/transport/Transport.h"

#include <QList>
#include <QTimer>

#include <functional>

/// A transport played by the test: records what the client sends and answers through `server`,
/// asynchronously, as a real peer would.
class ScriptedTransport : public mcp::Transport
{
    Q_OBJECT
public:
    /// Returns the messages the fake server sends back for one client message.
    using Server = std::function<QList<QJsonObject>(const QJsonObject& message)>;

    explicit ScriptedTransport(Server server) : m_server(std::move(server)) {}

    void open() override { QTimer::singleShot(0, this, &Transport::opened); }
    void send(const QJsonObject& message) override
    {
        sent.append(message);
        const QList<QJsonObject> answers = m_server(message);
        QTimer::singleShot(0, this, [this, answers] {
            for (const QJsonObject& answer : answers)
                emit messageReceived(answer);
        });
    }
    void close() override
    {
        QTimer::singleShot(0, this, [this] { emit closed({}); });
    }

    /// Plays a message from the server that answers nothing.
    void push(const QJsonObject& message) { emit messageReceived(message); }
    QList<QJsonObject> sentWithMethod(const QString& method) const
    {
        QList<QJsonObject> found;
        for (const QJsonObject& message : sent) {
            if (message.value(QStringLiteral("method")).toString() == method)
                found.append(message);
        }
        return found;
    }

    QList<QJsonObject> sent;

private:
    Server m_server;
};
