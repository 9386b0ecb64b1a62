#include "gateway/ollama/ModelQueue.h"

#include <QTimer>

#include <algorithm>
#include <cmath>

namespace llamagate {

ModelQueue::Slot::Slot(ModelQueue* queue, QString model) : m_queue(queue), m_model(std::move(model))
{
    m_clock.start();
}

ModelQueue::Slot::~Slot()
{
    if (m_queue)
        m_queue->release(m_model, m_clock.elapsed());
}

ModelQueue::ModelQueue(QObject* parent) : QObject(parent) {}

void ModelQueue::setLimits(int concurrency, int depth)
{
    m_concurrency = std::max(1, concurrency);
    m_depth = std::max(0, depth);
}

QString ModelQueue::canonicalModel(const QString& model)
{
    const qsizetype nameStart = model.lastIndexOf(u'/') + 1;
    return model.indexOf(u':', nameStart) >= 0 ? model : model + QStringLiteral(":latest");
}

bool ModelQueue::enqueue(const QString& requestedModel, QObject* owner, Start start)
{
    const QString model = canonicalModel(requestedModel);
    ModelState& state = m_models[model];
    if (state.running < m_concurrency) {
        ++state.running;
        start(SlotPtr(new Slot(this, model)));
        return true;
    }
    dropGoneWaiters(state);
    if (int(state.waiters.size()) >= m_depth)
        return false;
    state.waiters.push_back({owner, std::move(start)});
    return true;
}

void ModelQueue::release(const QString& model, qint64 heldMs)
{
    auto it = m_models.find(model);
    if (it == m_models.end())
        return;
    ModelState& state = *it;
    state.averageMs = state.averageMs == 0 ? double(heldMs) : 0.8 * state.averageMs + 0.2 * double(heldMs);
    --state.running;
    dropGoneWaiters(state);
    if (state.waiters.empty())
        return;
    Waiter next = std::move(state.waiters.front());
    state.waiters.pop_front();
    ++state.running;
    // Started from the event loop: the slot being released may still be inside its holder's destructor.
    QTimer::singleShot(0, this, [this, model, next = std::move(next)]() mutable {
        SlotPtr slot(new Slot(this, model));
        if (next.owner)
            next.start(std::move(slot));
    });
}

void ModelQueue::dropGoneWaiters(ModelState& state)
{
    state.waiters.erase(std::remove_if(state.waiters.begin(),
                                       state.waiters.end(),
                                       [](const Waiter& waiter) { return waiter.owner.isNull(); }),
                        state.waiters.end());
}

qint64 ModelQueue::suggestedRetryMs(const QString& model) const
{
    const ModelState state = m_models.value(canonicalModel(model));
    const double perRequest = state.averageMs > 0 ? state.averageMs : 1000.0;
    const double rounds = std::ceil(double(state.waiters.size() + 1) / double(m_concurrency));
    return std::max<qint64>(1000, qint64(perRequest * rounds));
}

int ModelQueue::waiting(const QString& model) const
{
    int count = 0;
    for (const Waiter& waiter : m_models.value(canonicalModel(model)).waiters)
        count += waiter.owner.isNull() ? 0 : 1;
    return count;
}

int ModelQueue::totalWaiting() const
{
    int count = 0;
    for (auto it = m_models.begin(); it != m_models.end(); ++it)
        count += waiting(it.key());
    return count;
}

} // namespace llamagate
