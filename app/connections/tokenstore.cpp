// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "tokenstore.h"

#include <qt6keychain/keychain.h>

#include <QTimer>

#include <memory>
#include <utility>

namespace steward {
namespace {

// Starts `job` and calls `finished` when it ends or `timedOut` after `timeoutMs`, whichever
// comes first, and only that one. The job is never deleted early: its backend (libsecret)
// calls back into it when the keychain answers, so it deletes itself once it has finished
// (QtKeychain's autoDelete); a keychain that never answers costs one small job object.
void run(QKeychain::Job *job, QObject *context, int timeoutMs, std::function<void(QKeychain::Job &)> finished,
         std::function<void()> timedOut)
{
    auto answered = std::make_shared<bool>(false);
    QObject::connect(job, &QKeychain::Job::finished, context,
                     [answered, finished = std::move(finished)](QKeychain::Job *done) {
                         if (!std::exchange(*answered, true)) {
                             finished(*done);
                         }
                     });
    QTimer::singleShot(timeoutMs, context, [answered, timedOut = std::move(timedOut)] {
        if (!std::exchange(*answered, true)) {
            timedOut();
        }
    });
    job->start();
}

// What the keychain said, for a message; QtKeychain leaves the text empty for some codes.
QString reasonOf(const QKeychain::Job &job)
{
    return job.errorString().isEmpty() ? TokenStore::tr("no keychain is available (error %1)").arg(job.error())
                                       : job.errorString();
}

} // namespace

TokenStore::TokenStore(QObject *parent) : QObject(parent) { }

TokenStore::TokenStore(QString service, QObject *parent) : QObject(parent), m_service(std::move(service)) { }

QString TokenStore::service()
{
    return QStringLiteral("Steward");
}

void TokenStore::read(const QString &profileName, QObject *context, std::function<void(const Result<QString> &)> done)
{
    auto *job = new QKeychain::ReadPasswordJob(m_service);
    job->setKey(profileName);
    run(
        job, context, m_timeoutMs,
        [profileName, done](QKeychain::Job &finished) {
            switch (finished.error()) {
            case QKeychain::NoError: done(static_cast<QKeychain::ReadPasswordJob &>(finished).textData()); return;
            case QKeychain::EntryNotFound:
                done(Error{Error::Code::NotFound,
                           tr("No token is saved in the system keychain for %1.").arg(profileName)});
                return;
            default:
                done(Error{Error::Code::StoreFailure,
                           tr("Could not read the token from the system keychain: %1").arg(reasonOf(finished))});
                return;
            }
        },
        [done, timeout = timeoutError()] { done(timeout); });
}

void TokenStore::write(const QString &profileName, const QString &token, QObject *context,
                       std::function<void(const Status &)> done)
{
    auto *job = new QKeychain::WritePasswordJob(m_service);
    job->setKey(profileName);
    job->setTextData(token);
    run(
        job, context, m_timeoutMs,
        [done](QKeychain::Job &finished) {
            if (finished.error() == QKeychain::NoError) {
                done(Done{});
                return;
            }
            done(Error{Error::Code::StoreFailure,
                       tr("Could not save the token in the system keychain: %1").arg(reasonOf(finished))});
        },
        [done, timeout = timeoutError()] { done(timeout); });
}

void TokenStore::remove(const QString &profileName, QObject *context, std::function<void(const Status &)> done)
{
    auto *job = new QKeychain::DeletePasswordJob(m_service);
    job->setKey(profileName);
    run(
        job, context, m_timeoutMs,
        [done](QKeychain::Job &finished) {
            if (finished.error() == QKeychain::NoError || finished.error() == QKeychain::EntryNotFound) {
                done(Done{});
                return;
            }
            done(Error{Error::Code::StoreFailure,
                       tr("Could not remove the token from the system keychain: %1").arg(reasonOf(finished))});
        },
        [done, timeout = timeoutError()] { done(timeout); });
}

Error TokenStore::timeoutError() const
{
    return {
        Error::Code::StoreFailure,
        tr("The system keychain did not answer within %n seconds; is it locked?", nullptr, (m_timeoutMs + 999) / 1000)};
}

} // namespace steward
