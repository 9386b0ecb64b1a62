#pragma once

#include <QElapsedTimer>
#include <QHash>
#include <QObject>
#include <QPointer>
#include <QString>

#include <deque>
#include <functional>
#include <memory>

namespace llamagate {

/// A bounded queue per model in front of Ollama: at most `concurrency` requests of one model run at once and at
/// most `depth` wait; a request beyond that is refused (the caller answers 429 with the suggested retry delay).
class ModelQueue : public QObject
{
    Q_OBJECT
public:
    /// Held while a request runs; destroying it frees the slot for the next waiting request.
    class Slot
    {
    public:
        ~Slot();
        Slot(const Slot&) = delete;
        Slot& operator=(const Slot&) = delete;

    private:
        friend class ModelQueue;
        Slot(ModelQueue* queue, QString model);
        QPointer<ModelQueue> m_queue;
        QString m_model;
        QElapsedTimer m_clock;
    };
    using SlotPtr = std::shared_ptr<Slot>;
    using Start = std::function<void(SlotPtr)>;

    explicit ModelQueue(QObject* parent = nullptr);

    void setLimits(int concurrency, int depth);

    /// Runs `start` now or when a slot frees up, with the slot to hold while the request runs. The wait is dropped
    /// when `owner` is destroyed first. Returns false, running nothing, when the queue of this model is full.
    bool enqueue(const QString& model, QObject* owner, Start start);

    /// The name Ollama resolves a model name to: "llama3.2" and "llama3.2:latest" are one model with one queue.
    static QString canonicalModel(const QString& model);

    /// How long a request refused now should wait before retrying, in milliseconds (at least 1000).
    qint64 suggestedRetryMs(const QString& model) const;

    int running(const QString& model) const { return m_models.value(canonicalModel(model)).running; }
    int waiting(const QString& model) const;
    /// Requests waiting across all models.
    int totalWaiting() const;

private:
    struct Waiter
    {
        QPointer<QObject> owner;
        Start start;
    };
    struct ModelState
    {
        int running = 0;
        std::deque<Waiter> waiters;
        double averageMs = 0; ///< moving average of how long a slot is held
    };

    void release(const QString& model, qint64 heldMs);
    void dropGoneWaiters(ModelState& state);

    QHash<QString, ModelState> m_models;
    int m_concurrency = 1;
    int m_depth = 32;
};

} // namespace llamagate
