#include "ui/pages/SettingsPage.h"

#include "ui/SettingOverride.h"

#include <QCheckBox>
#include <QCoreApplication>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHostAddress>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QVBoxLayout>

namespace llamagate {

namespace {

QString groupTitle(const QString& prefix)
{
    static const QHash<QString, const char*> titles = {
        {QStringLiteral("ollama"), QT_TRANSLATE_NOOP("llamagate::SettingsPage", "Ollama")},
        {QStringLiteral("auth"), QT_TRANSLATE_NOOP("llamagate::SettingsPage", "Access")},
        {QStringLiteral("gateway"), QT_TRANSLATE_NOOP("llamagate::SettingsPage", "Gateway")},
        {QStringLiteral("limits"), QT_TRANSLATE_NOOP("llamagate::SettingsPage", "Rate limits")},
        {QStringLiteral("log"), QT_TRANSLATE_NOOP("llamagate::SettingsPage", "Logging")},
        {QStringLiteral("http"), QT_TRANSLATE_NOOP("llamagate::SettingsPage", "HTTP")},
        {QStringLiteral("cache"), QT_TRANSLATE_NOOP("llamagate::SettingsPage", "Response cache")},
        {QStringLiteral("mcp"), QT_TRANSLATE_NOOP("llamagate::SettingsPage", "MCP tools")},
    };
    const char* title = titles.value(prefix);
    return title ? SettingsPage::tr(title) : prefix;
}

/// The refusal of a value, in the words of the settings table.
QString invalidValue(const SettingSpec& spec, const QString& text)
{
    return SettingsPage::tr("Invalid %1 \"%2\": expected %3").arg(spec.envName, text, spec.acceptedText());
}

/// Settings edited on pages of their own (MCP Servers, Tool Policy), left out here.
bool hasOwnPage(Setting id)
{
    return id == Setting::McpServers || id == Setting::McpAllowTools || id == Setting::McpDenyTools;
}

/// A text of the settings table (a label or a description) in the user's language.
QString translated(const QString& tableText)
{
    return QCoreApplication::translate("Settings", tableText.toUtf8().constData());
}

/// The label of a setting's row: its name for people, and beneath it, quieter, the variable that sets it too.
QWidget* settingLabel(const SettingSpec& spec, QWidget* editor, QWidget* parent)
{
    auto* box = new QWidget(parent);
    auto* layout = new QVBoxLayout(box);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    auto* name = new QLabel(translated(spec.label), box);
    name->setBuddy(editor);
    name->setWordWrap(true); // a long name in some language wraps instead of squeezing the editors
    box->setMaximumWidth(name->fontMetrics().averageCharWidth() * 36);
    auto* variable = new QLabel(spec.envName, box);
    variable->setEnabled(false);
    QFont small = variable->font();
    small.setPointSizeF(small.pointSizeF() * 0.85);
    variable->setFont(small);
    variable->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(name);
    layout->addWidget(variable);
    layout->addStretch(1);
    return box;
}

} // namespace

SettingsPage::SettingsPage(QWidget* parent) : QWidget(parent)
{
    // One form for all groups, so that every field lines up; a bold heading starts each group. Groups come in the
    // order of their first setting in the table, each with all of its settings.
    auto* content = new QWidget;
    auto* form = new QFormLayout(content);
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    QList<const SettingSpec*> grouped;
    QStringList groupOrder;
    for (const SettingSpec& spec : settingsTable()) {
        if (!groupOrder.contains(spec.key.section(u'/', 0, 0)))
            groupOrder.append(spec.key.section(u'/', 0, 0));
    }
    for (const QString& prefix : groupOrder) {
        for (const SettingSpec& spec : settingsTable()) {
            if (spec.key.section(u'/', 0, 0) == prefix)
                grouped.append(&spec);
        }
    }
    QString group;
    QWidget* previous = nullptr;
    for (const SettingSpec* specPointer : grouped) {
        const SettingSpec& spec = *specPointer;
        if (hasOwnPage(spec.id))
            continue;
        const QString prefix = spec.key.section(u'/', 0, 0);
        if (prefix != group) {
            group = prefix;
            auto* heading = new QLabel(groupTitle(prefix), content);
            QFont headingFont = heading->font();
            headingFont.setBold(true);
            headingFont.setPointSizeF(headingFont.pointSizeF() * 1.15);
            heading->setFont(headingFont);
            heading->setContentsMargins(0, form->rowCount() == 0 ? 0 : 12, 0, 2);
            form->addRow(heading);
            if (prefix == u"mcp") {
                auto* pointer = new QLabel(tr("The servers and the tool policy have pages of their own."), content);
                pointer->setWordWrap(true);
                form->addRow(pointer);
            }
        }
        Field field;
        field.spec = &spec;
        const QString description = translated(spec.description);
        QWidget* editor = nullptr;
        if (spec.type == SettingType::Bool) {
            field.check = new QCheckBox(tr("On"), content);
            editor = field.check;
        } else {
            field.edit = new QLineEdit(content);
            field.edit->setToolTip(description);
            if (spec.type == SettingType::Secret)
                field.edit->setEchoMode(QLineEdit::Password);
            editor = field.edit;
        }
        editor->setObjectName(spec.envName);
        editor->setAccessibleName(translated(spec.label));
        editor->setAccessibleDescription(description);
        auto* cell = new QVBoxLayout;
        cell->setSpacing(2);
        QWidget* last = editor; // the last widget of this row in the tab order
        if (spec.id == Setting::OllamaHost)
            last = addOllamaTest(field.edit, cell);
        else
            cell->addWidget(editor);
        auto* descriptionLabel = new QLabel(description, content);
        descriptionLabel->setWordWrap(true);
        descriptionLabel->setEnabled(false); // the palette's quieter text colour
        cell->addWidget(descriptionLabel);
        field.note = new QLabel(content);
        field.note->setWordWrap(true);
        field.note->setStyleSheet(QStringLiteral("color: #8a5a00;"));
        field.note->hide();
        cell->addWidget(field.note);
        if (spec.id == Setting::ListenAddress)
            addListenWarning(field.edit, cell);
        form->addRow(settingLabel(spec, editor, content), cell);
        if (previous)
            setTabOrder(previous, editor);
        if (last != editor)
            setTabOrder(editor, last);
        previous = last;
        m_fields.append(field);
    }
    auto* scroll = new QScrollArea(this);
    scroll->setWidget(content);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff); // descriptions wrap instead
    m_scroll = scroll;

    m_message = new QLabel(this);
    m_message->setWordWrap(true);
    m_message->setObjectName(QStringLiteral("settingsMessage"));
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_apply = new QPushButton(tr("&Apply"), this);
    m_apply->setDefault(true);
    m_apply->setObjectName(QStringLiteral("applySettings"));
    m_revert = new QPushButton(tr("&Revert"), this);
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_message, 1);
    buttons->addWidget(m_revert);
    buttons->addWidget(m_apply);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(scroll, 1);
    layout->addLayout(buttons);
    if (previous) {
        setTabOrder(previous, m_revert);
        setTabOrder(m_revert, m_apply);
    }

    connect(m_apply, &QPushButton::clicked, this, &SettingsPage::apply);
    connect(m_revert, &QPushButton::clicked, this, [this] { setConfig(m_config); });
    setConfig(m_config);
}

void SettingsPage::addListenWarning(QLineEdit* edit, QVBoxLayout* cell)
{
    auto* warning =
        new QLabel(tr("Beyond loopback: other computers can reach LlamaGate. Clients then need an API key."),
                   edit->parentWidget());
    warning->setWordWrap(true);
    warning->setStyleSheet(QStringLiteral("color: #c62828;"));
    cell->addWidget(warning);
    const auto update = [warning](const QString& text) {
        const QHostAddress address(text.trimmed());
        warning->setVisible(!address.isNull() && !address.isLoopback());
    };
    connect(edit, &QLineEdit::textChanged, warning, update);
    update(edit->text());
}

QWidget* SettingsPage::addOllamaTest(QLineEdit* edit, QVBoxLayout* cell)
{
    auto* test = new QPushButton(tr("&Test"), edit->parentWidget());
    test->setObjectName(QStringLiteral("testOllama"));
    test->setToolTip(tr("Ask this Ollama server for its version"));
    auto* row = new QHBoxLayout;
    row->addWidget(edit, 1);
    row->addWidget(test);
    cell->addLayout(row);
    m_ollamaTest = new QLabel(edit->parentWidget());
    m_ollamaTest->setObjectName(QStringLiteral("ollamaTestResult"));
    m_ollamaTest->setWordWrap(true);
    m_ollamaTest->hide();
    cell->addWidget(m_ollamaTest);
    connect(test, &QPushButton::clicked, this, [this, edit] {
        const SettingSpec& spec = settingSpec(Setting::OllamaHost);
        const QString text = edit->text().trimmed();
        m_ollamaTest->show();
        m_ollamaTest->setStyleSheet(QString());
        if (!spec.parse(text)) {
            m_ollamaTest->setStyleSheet(QStringLiteral("color: #c62828;"));
            m_ollamaTest->setText(invalidValue(spec, text));
            return;
        }
        m_ollamaTest->setText(tr("Asking %1…").arg(text));
        emit ollamaTestRequested(QUrl(text));
    });
    return test;
}

void SettingsPage::showOllamaTest(const QUrl& url, const OllamaStatus& status)
{
    const bool reachable = status.state == OllamaStatus::State::Reachable;
    m_ollamaTest->setStyleSheet(reachable ? QStringLiteral("color: #2e7d32;") : QStringLiteral("color: #c62828;"));
    m_ollamaTest->setText(reachable ? tr("Ollama %1 answers at %2.").arg(status.version, url.toString())
                                    : tr("No answer from %1: %2").arg(url.toString(), status.error));
    m_ollamaTest->show();
}

void SettingsPage::setConfig(const GatewayConfig& config)
{
    m_config = config;
    for (const Field& field : m_fields) {
        const SettingSource source = config.source(field.spec->id);
        const bool readOnly = SettingOverride::applies(source);
        if (field.check) {
            field.check->setChecked(config.flag(field.spec->id));
            field.check->setEnabled(!readOnly);
        } else {
            field.edit->setText(shownText(field));
            field.edit->setReadOnly(readOnly);
            // A read-only field looks like the window behind it, not like something to type into.
            field.edit->setStyleSheet(readOnly ? QStringLiteral("QLineEdit { background: palette(window); }")
                                               : QString());
            if (field.spec->type == SettingType::Secret)
                field.edit->setPlaceholderText(config.text(field.spec->id).isEmpty() ? tr("(not set)")
                                                                                     : tr("(set; type to replace)"));
        }
        field.note->setText(SettingOverride::reason(source, *field.spec));
        field.note->setVisible(readOnly);
    }
    m_message->clear();
}

void SettingsPage::showResult(const QString& error)
{
    m_message->setStyleSheet(error.isEmpty() ? QString() : QStringLiteral("color: #c62828;"));
    m_message->setText(error.isEmpty() ? tr("Settings saved and applied.") : error);
}

QWidget* SettingsPage::editor(Setting id) const
{
    for (const Field& field : m_fields) {
        if (field.spec->id == id)
            return field.check ? static_cast<QWidget*>(field.check) : field.edit;
    }
    return nullptr;
}

QString SettingsPage::message() const
{
    return m_message->text();
}

QString SettingsPage::shownText(const Field& field) const
{
    if (field.spec->type == SettingType::Secret)
        return {}; // never shown; typing replaces it
    return field.spec->format(m_config.value(field.spec->id));
}

QString SettingsPage::editedText(const Field& field) const
{
    if (field.check)
        return field.check->isChecked() ? QStringLiteral("true") : QStringLiteral("false");
    return field.edit->text().trimmed();
}

void SettingsPage::apply()
{
    QHash<QString, QString> changes;
    for (const Field& field : m_fields) {
        if (SettingOverride::applies(m_config.source(field.spec->id)))
            continue;
        const QString text = editedText(field);
        const QString before = field.check ? field.spec->format(m_config.value(field.spec->id)) : shownText(field);
        if (text == before || (field.spec->type == SettingType::Secret && text.isEmpty()))
            continue;
        if (!field.spec->parse(text)) {
            showResult(invalidValue(*field.spec, text));
            QWidget* editor = field.check ? static_cast<QWidget*>(field.check) : field.edit;
            editor->setFocus();
            m_scroll->ensureWidgetVisible(editor);
            return;
        }
        changes.insert(field.spec->key, text);
    }
    if (changes.isEmpty()) {
        showResult(QString());
        m_message->setText(tr("Nothing to apply."));
        return;
    }
    emit applyRequested(changes);
}

} // namespace llamagate
