// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "gzipbody.h"

#include <QCoreApplication>

#include <zlib.h>

namespace steward::GzipBody {

namespace {

QString translated(const char *text)
{
    return QCoreApplication::translate("steward::GzipBody", text);
}

constexpr qsizetype kChunkBytes = 64 * 1024;
// zlib's window bits plus 16: read a gzip header and trailer, not a raw zlib stream.
constexpr int kGzipWindowBits = 15 + 16;

} // namespace

Result<QByteArray> inflate(const QByteArray &compressed, qsizetype maxBytes)
{
    z_stream stream{};
    if (inflateInit2(&stream, kGzipWindowBits) != Z_OK) {
        return Error{Error::Code::Invalid, translated("The gzip body could not be read.")};
    }
    // zlib's interface takes non-const input; it does not write to it.
    stream.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(compressed.constData()));
    stream.avail_in = static_cast<uInt>(compressed.size());
    QByteArray inflated;
    int status = Z_OK;
    while (status == Z_OK) {
        if (inflated.size() > maxBytes) {
            break;
        }
        const qsizetype before = inflated.size();
        inflated.resize(before + kChunkBytes);
        stream.next_out = reinterpret_cast<Bytef *>(inflated.data() + before);
        stream.avail_out = static_cast<uInt>(kChunkBytes);
        status = ::inflate(&stream, Z_NO_FLUSH);
        inflated.resize(before + kChunkBytes - stream.avail_out);
    }
    inflateEnd(&stream);
    if (inflated.size() > maxBytes) {
        return Error{
            Error::Code::TooLarge,
            translated("The gzip body inflates to more than %1 bytes, the limit for a request.").arg(maxBytes)};
    }
    if (status != Z_STREAM_END) {
        return Error{Error::Code::Invalid, translated("The body is not complete gzip data (Content-Encoding: gzip).")};
    }
    return inflated;
}

} // namespace steward::GzipBody
