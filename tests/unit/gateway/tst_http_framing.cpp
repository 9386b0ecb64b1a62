#include "gateway/http/HttpFramingGuard.h"
#include "gateway/http/HttpHeadLines.h"

#include <QTest>

using namespace llamagate;
using Verdict = HttpFramingGuard::Verdict;

Q_DECLARE_METATYPE(HttpFramingGuard::Verdict)

/// The byte-stream guard that enforces header and body limits before QtHttpServer buffers a request.
class TestHttpFraming : public QObject
{
    Q_OBJECT
private slots:
    void verdicts_data();
    void verdicts();
    void sameVerdictWhateverTheSplit_data() { verdicts_data(); }
    void sameVerdictWhateverTheSplit();
    void continueRequestedOnce();
    void phases();
    void headEndIsWhatIndexOfFinds();
    void headerLinesAreWhatQtFinds();
    void headerNamesCompareAsQtDoes();
    void numbersReadAsQtReadsThem();
};

namespace {

/// Every text of up to `maxLength` bytes from `alphabet`.
QList<QByteArray> allTexts(QByteArrayView alphabet, int maxLength)
{
    QList<QByteArray> texts = {QByteArray("")};
    for (qsizetype from = 0, to = texts.size(); maxLength-- > 0; from = to, to = texts.size()) {
        for (qsizetype index = from; index < to; ++index) {
            for (const char c : alphabet)
                texts.append(texts.at(index) + c);
        }
    }
    return texts;
}

HttpFramingGuard::Limits limits()
{
    HttpFramingGuard::Limits result;
    result.maxHeaderBytes = 200;
    result.maxHeaderCount = 5;
    result.maxBodyBytes = 100;
    return result;
}

QByteArray chunked(const QList<QByteArray>& chunks)
{
    QByteArray body;
    for (const QByteArray& chunk : chunks)
        body += QByteArray::number(chunk.size(), 16) + "\r\n" + chunk + "\r\n";
    return body + "0\r\n\r\n";
}

} // namespace

void TestHttpFraming::verdicts_data()
{
    QTest::addColumn<QByteArray>("stream");
    QTest::addColumn<Verdict>("verdict");
    QTest::addColumn<int>("completed");

    const QByteArray get = "GET / HTTP/1.1\r\nHost: x\r\n\r\n";
    QTest::newRow("simple get") << get << Verdict::Ok << 1;
    QTest::newRow("two pipelined gets") << get + get << Verdict::Ok << 2;
    QTest::newRow("partial headers") << QByteArray("GET / HTTP/1.1\r\nHo") << Verdict::Ok << 0;
    QTest::newRow("body at the limit") << "POST / HTTP/1.1\r\nContent-Length: 100\r\n\r\n" + QByteArray(100, 'a') + get
                                       << Verdict::Ok << 2;
    QTest::newRow("body over the limit, announced")
        << QByteArray("POST / HTTP/1.1\r\nContent-Length: 101\r\n\r\n") << Verdict::BodyTooLarge << 0;
    QTest::newRow("header name case") << QByteArray("POST / HTTP/1.1\r\ncOnTeNt-LeNgTh: 5000\r\n\r\n")
                                      << Verdict::BodyTooLarge << 0;
    QTest::newRow("chunked under the limit") << "POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n" +
                                                    chunked({QByteArray(60, 'a'), QByteArray(40, 'b')}) + get
                                             << Verdict::Ok << 2;
    QTest::newRow("chunked over the limit")
        << "POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n" + chunked({QByteArray(60, 'a'), QByteArray(41, 'b')})
        << Verdict::BodyTooLarge << 0;
    QTest::newRow("chunk extension and trailer")
        << "POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n5;name=v\r\nhello\r\n0\r\nX-T: 1\r\n\r\n" + get
        << Verdict::Ok << 2;
    QTest::newRow("bad chunk size") << QByteArray("POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n")
                                    << Verdict::Malformed << 0;
    QTest::newRow("headers too large") << "GET / HTTP/1.1\r\nX-A: " + QByteArray(300, 'a') + "\r\n\r\n"
                                       << Verdict::HeadersTooLarge << 0;
    QTest::newRow("headers too large, unterminated")
        << "GET / HTTP/1.1\r\nX-A: " + QByteArray(300, 'a') << Verdict::HeadersTooLarge << 0;
    QTest::newRow("too many headers") << QByteArray(
                                             "GET / HTTP/1.1\r\nA: 1\r\nB: 1\r\nC: 1\r\nD: 1\r\nE: 1\r\nF: 1\r\n\r\n")
                                      << Verdict::TooManyHeaders << 0;
    QTest::newRow("conflicting lengths") << QByteArray(
                                                "POST / HTTP/1.1\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\n")
                                         << Verdict::Malformed << 0;
    QTest::newRow("header without colon")
        << QByteArray("GET / HTTP/1.1\r\nnonsense\r\n\r\n") << Verdict::Malformed << 0;
    QTest::newRow("blank lines between requests") << "\r\n" + get + "\r\n\r\n" + get << Verdict::Ok << 2;
}

void TestHttpFraming::verdicts()
{
    QFETCH(QByteArray, stream);
    QFETCH(Verdict, verdict);
    QFETCH(int, completed);
    HttpFramingGuard guard(limits());
    QCOMPARE(guard.feed(stream), verdict);
    QCOMPARE(guard.completedRequests(), completed);
}

void TestHttpFraming::sameVerdictWhateverTheSplit()
{
    QFETCH(QByteArray, stream);
    QFETCH(Verdict, verdict);
    QFETCH(int, completed);
    for (qsizetype step : {1, 2, 3, 7, 64}) {
        HttpFramingGuard guard(limits());
        Verdict last = Verdict::Ok;
        for (qsizetype offset = 0; offset < stream.size() && last == Verdict::Ok; offset += step)
            last = guard.feed(QByteArrayView(stream).sliced(offset, qMin(step, stream.size() - offset)));
        QCOMPARE(last, verdict);
        QCOMPARE(guard.completedRequests(), completed);
    }
}

void TestHttpFraming::continueRequestedOnce()
{
    HttpFramingGuard guard(limits());
    QCOMPARE(guard.feed("POST / HTTP/1.1\r\nExpect: 100-continue\r\nContent-Length: 4\r\n\r\n"), Verdict::Ok);
    QVERIFY(guard.takeContinueRequest());
    QVERIFY(!guard.takeContinueRequest());
    QCOMPARE(guard.feed("abcd"), Verdict::Ok);
    QCOMPARE(guard.completedRequests(), 1);

    HttpFramingGuard tooLarge(limits());
    QCOMPARE(tooLarge.feed("POST / HTTP/1.1\r\nExpect: 100-continue\r\nContent-Length: 400\r\n\r\n"),
             Verdict::BodyTooLarge);
    QVERIFY(!tooLarge.takeContinueRequest());
}

void TestHttpFraming::phases()
{
    HttpFramingGuard guard(limits());
    QCOMPARE(guard.phase(), HttpFramingGuard::Phase::Idle);
    guard.feed("POST / HTTP/1.1\r\n");
    QCOMPARE(guard.phase(), HttpFramingGuard::Phase::Headers);
    guard.feed("Content-Length: 3\r\n\r\nab");
    QCOMPARE(guard.phase(), HttpFramingGuard::Phase::Body);
    guard.feed("c");
    QCOMPARE(guard.phase(), HttpFramingGuard::Phase::Idle);
}

QTEST_GUILESS_MAIN(TestHttpFraming)
#include "tst_http_framing.moc"

void TestHttpFraming::headEndIsWhatIndexOfFinds()
{
    // HttpHeadLines::headEnd looks for the blank line with memchr() instead of indexOf(): on every text of up to 9
    // bytes of CR, LF and a letter it must find what indexOf() finds.
    const auto byIndexOf = [](const QByteArray& bytes, bool bareLf) -> qsizetype {
        const qsizetype crlf = bytes.indexOf("\r\n\r\n");
        if (crlf >= 0)
            return crlf + 4;
        const qsizetype lf = bareLf ? bytes.indexOf("\n\n") : -1;
        return lf >= 0 ? lf + 2 : -1;
    };
    static constexpr char alphabet[] = {'\r', '\n', 'a'};
    int checked = 0;
    for (int length = 0; length <= 9; ++length) {
        int combinations = 1;
        for (int position = 0; position < length; ++position)
            combinations *= 3;
        for (int combination = 0; combination < combinations; ++combination) {
            QByteArray bytes;
            for (int rest = combination, position = 0; position < length; ++position, rest /= 3)
                bytes += alphabet[rest % 3];
            for (const bool bareLf : {false, true}) {
                if (HttpHeadLines::headEnd(bytes, bareLf) != byIndexOf(bytes, bareLf))
                    QFAIL(qPrintable(
                        QStringLiteral("%1 (bare LF %2)").arg(QString::fromLatin1(bytes.toHex())).arg(bareLf)));
                ++checked;
            }
        }
    }
    QCOMPARE(checked, 2 * (1 + 3 + 9 + 27 + 81 + 243 + 729 + 2187 + 6561 + 19683));
    QCOMPARE(HttpHeadLines::headEnd("GET / HTTP/1.1\r\nHost: x\r\n\r\nbody\r\n\r\n"), 27);
}

void TestHttpFraming::headerLinesAreWhatQtFinds()
{
    // HttpHeadLines splits and trims lines by hand: on every text of up to 6 bytes of whitespace, colons and letters
    // it must find the lines, names and values that QByteArrayView's indexOf() and trimmed() find.
    const auto byQt = [](QByteArrayView head) {
        QByteArrayList parts;
        qsizetype position = 0;
        const auto nextLine = [&] {
            const qsizetype end = head.indexOf('\n', position);
            const qsizetype lineEnd = end < 0 ? head.size() : end;
            const QByteArrayView line = head.sliced(position, lineEnd - position);
            position = end < 0 ? head.size() : end + 1;
            return line.trimmed();
        };
        parts.append(nextLine().toByteArray());
        while (position < head.size()) {
            const QByteArrayView line = nextLine();
            if (line.isEmpty())
                continue;
            const qsizetype colon = line.indexOf(':');
            if (colon > 0)
                parts.append(line.first(colon).trimmed().toByteArray() + '|' +
                             line.sliced(colon + 1).trimmed().toByteArray());
            else
                parts.append(line.toByteArray() + '!');
        }
        return parts;
    };
    const auto byHeadLines = [](QByteArrayView head) {
        HttpHeadLines lines(head);
        QByteArrayList parts = {lines.firstLine().toByteArray()};
        HttpHeadLines::Header header;
        while (lines.next(header))
            parts.append(header.wellFormed ? header.name.toByteArray() + '|' + header.value.toByteArray()
                                           : header.name.toByteArray() + '!');
        return parts;
    };
    const QList<QByteArray> texts = allTexts(QByteArrayView(" \t\r\n\v:a", 7), 6);
    for (const QByteArray& text : texts) {
        if (byHeadLines(text) != byQt(text))
            QFAIL(qPrintable(QString::fromLatin1(text.toHex())));
    }
    QCOMPARE(texts.size(), 1 + 7 + 49 + 343 + 2401 + 16807 + 117649);
}

void TestHttpFraming::headerNamesCompareAsQtDoes()
{
    // Header::is() folds ASCII capitals by hand: for every name of up to 3 bytes (capitals, Latin-1 letters, the
    // neighbours of the letters) and every lower-case name, it says what a case-insensitive compare() says.
    const QList<QByteArray> names = allTexts(QByteArrayView("aAzZ-\r@[`{\xC0\xE0", 12), 3);
    const QList<QByteArray> lowerCaseNames = allTexts(QByteArrayView("az-@[`{", 7), 3);
    for (const QByteArray& name : names) {
        const HttpHeadLines::Header header{name, {}};
        for (const QByteArray& lowerCaseName : lowerCaseNames) {
            const bool expected =
                name.size() == lowerCaseName.size() && name.compare(lowerCaseName, Qt::CaseInsensitive) == 0;
            if (header.is(lowerCaseName) != expected)
                QFAIL(qPrintable(QString::fromLatin1(name.toHex() + " " + lowerCaseName)));
        }
    }
}

void TestHttpFraming::numbersReadAsQtReadsThem()
{
    // HttpHeadLines::toLongLong() reads plain digits itself: the same value and verdict as toLongLong() on every
    // text of up to 5 bytes of digits, signs, spaces and letters, and around the edges of a qint64.
    QList<QByteArray> texts = allTexts(QByteArrayView("019+- \tx", 8), 5);
    texts += {"123456789012345678",
              "999999999999999999",
              "1234567890123456789",
              "9223372036854775807",
              "9223372036854775808",
              "99999999999999999999",
              "000000000000000000000001",
              "0x1f",
              "1e3"};
    for (const QByteArray& text : std::as_const(texts)) {
        bool expectedOk = false;
        const qint64 expected = text.toLongLong(&expectedOk);
        bool ok = !expectedOk;
        const qint64 value = HttpHeadLines::toLongLong(text, &ok);
        if (ok != expectedOk || value != expected)
            QFAIL(qPrintable(QString::fromLatin1(text)));
    }
}
