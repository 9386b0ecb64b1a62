#pragma once

#include <QLocale>

namespace llamagate {

/// Installs the translations embedded under :/i18n/ (LlamaGate's own) and Qt's for `locale`; the translators live
/// as long as the application; a language LlamaGate has no translation for gets the English one (plural forms).
/// Returns whether LlamaGate's were found for that locale.
bool installTranslations(const QLocale& locale);

} // namespace llamagate
