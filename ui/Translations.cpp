#include "ui/Translations.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QTranslator>

namespace llamagate {

bool installTranslations(const QLocale& locale)
{
    auto* qt = new QTranslator(QCoreApplication::instance());
    if (qt->load(
            locale, QStringLiteral("qtbase"), QStringLiteral("_"), QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qt);
    else
        delete qt;
    auto* own = new QTranslator(QCoreApplication::instance());
    const bool found = own->load(locale, QStringLiteral("llamagate"), QStringLiteral("_"), QStringLiteral(":/i18n"));
    // Any other language (or the C locale) gets the English file: the source texts lack its plural forms.
    if (found || own->load(QStringLiteral(":/i18n/llamagate_en")))
        QCoreApplication::installTranslator(own);
    else
        delete own;
    return found;
}

} // namespace llamagate
