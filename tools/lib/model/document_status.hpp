#pragma once
// Where an invoice or a credit note stands, as an enum: the YAML holds the
// word (`status: issued`), the schema admits only the words below, and the
// reader turns the word into the enum once, so the rest of the code compares
// values the compiler checks rather than text it would not.

#include <optional>
#include <string_view>

namespace partnerops {

/// An invoice moves draft → issued → paid, or to void (kept for the gapless
/// sequence; it asks for nothing).
enum class InvoiceStatus { draft, issued, paid, voided };

/// A credit note is issued as it is written; a void one keeps its number and
/// credits nothing.
enum class CreditNoteStatus { issued, voided };

/// The word the YAML uses: "draft", "issued", "paid", "void".
std::string_view to_string(InvoiceStatus status);
std::string_view to_string(CreditNoteStatus status);

/// The status a word names; std::nullopt for any other text.
std::optional<InvoiceStatus> parse_invoice_status(std::string_view text);
std::optional<CreditNoteStatus> parse_credit_note_status(std::string_view text);

}  // namespace partnerops
