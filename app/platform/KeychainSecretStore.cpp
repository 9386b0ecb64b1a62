#include "app/platform/KeychainSecretStore.h"

#include <qt6keychain/keychain.h>

#include <QTimer>

namespace llamagate {

namespace {

/// Starts a job that deletes itself when done, calling `finished` with it first.
template <typename JobType> void run(JobType* job, const QString& keyId, std::function<void(JobType*)> finished)
{
    job->setAutoDelete(true);
    job->setInsecureFallback(false);
    job->setKey(KeychainSecretStore::entryName(keyId));
    QObject::connect(job, &QKeychain::Job::finished, job, [job, finished] { finished(job); });
    job->start();
}

} // namespace

KeychainSecretStore::KeychainSecretStore(QObject* parent) : QObject(parent) {}

void KeychainSecretStore::write(const QString& keyId, const QString& secret, Done done)
{
    auto* job = new QKeychain::WritePasswordJob(service(), this);
    job->setTextData(secret);
    run<QKeychain::WritePasswordJob>(job, keyId, [done](QKeychain::WritePasswordJob* finished) {
        if (done)
            done(finished->error() == QKeychain::NoError, finished->errorString());
    });
}

void KeychainSecretStore::read(const QString& keyId, Found found)
{
    run<QKeychain::ReadPasswordJob>(
        new QKeychain::ReadPasswordJob(service(), this), keyId, [found](QKeychain::ReadPasswordJob* finished) {
            if (finished->error() == QKeychain::NoError)
                found(finished->textData());
            else
                found(std::nullopt);
        });
}

void KeychainSecretStore::remove(const QString& keyId, Done done)
{
    run<QKeychain::DeletePasswordJob>(
        new QKeychain::DeletePasswordJob(service(), this), keyId, [done](QKeychain::DeletePasswordJob* finished) {
            const bool ok = finished->error() == QKeychain::NoError || finished->error() == QKeychain::EntryNotFound;
            if (done)
                done(ok, ok ? QString() : finished->errorString());
        });
}

void KeychainSecretStore::checkAvailable(Done done, int retries, int retryDelayMs)
{
    // Reading an entry that does not exist: "not found" means a keychain answered.
    run<QKeychain::ReadPasswordJob>(new QKeychain::ReadPasswordJob(service(), this),
                                    QStringLiteral("availability-check"),
                                    [this, done, retries, retryDelayMs](QKeychain::ReadPasswordJob* finished) {
                                        const QKeychain::Error error = finished->error();
                                        if (error == QKeychain::NoError || error == QKeychain::EntryNotFound) {
                                            done(true, QString());
                                        } else if (retries > 0) {
                                            QTimer::singleShot(retryDelayMs, this, [this, done, retries, retryDelayMs] {
                                                checkAvailable(done, retries - 1, retryDelayMs);
                                            });
                                        } else {
                                            done(false, finished->errorString());
                                        }
                                    });
}

} // namespace llamagate
