// The statements of account in one table for finance and the fiscal
// sponsor: per partner and currency what was invoiced, paid and credited,
// the balance and its ageing (model/statement, as `partnerops statement`
// and the statement PDF compute it), with totals per currency and each
// partner's statement PDF.

#include "site/pages.hpp"
#include "site/values.hpp"

namespace partnerops::site {

nlohmann::json statements_context(const SiteData& data, const std::string& page) {
  nlohmann::json rows = nlohmann::json::array();
  std::map<std::string, CurrencyBalance> totals;
  for (const auto& [slug, statement] : data.statements) {
    nlohmann::json pdf = nlohmann::json::array();
    if (const auto found = data.documents.find(slug); found != data.documents.end())
      for (const DocumentJob& job : found->second)
        if (job.kind == DocumentKind::statement) pdf.push_back(document_entry(data, page, job));
    for (const CurrencyBalance& b : statement.currencies) {
      nlohmann::json ageing = nlohmann::json::array();
      for (std::size_t i = 0; i < k_ageing_buckets.size(); ++i)
        ageing.push_back(money_cell(b.ageing[i], b.currency));
      rows.push_back({{"partner", partner_name(data.workspace, slug)},
                      {"href", from_page(page, url_path(partner_page_path(slug)) + "#invoices")},
                      {"currency", b.currency},
                      {"invoiced", money_cell(b.invoiced, b.currency)},
                      {"paid", money_cell(b.paid, b.currency)},
                      {"credited", money_cell(b.credited, b.currency)},
                      {"balance", money_cell(b.balance, b.currency)},
                      {"ageing", ageing},
                      {"pdf", pdf}});
      CurrencyBalance& total = totals[b.currency];
      total.currency = b.currency;
      total.invoiced += b.invoiced;
      total.paid += b.paid;
      total.credited += b.credited;
      total.balance += b.balance;
      for (std::size_t i = 0; i < k_ageing_buckets.size(); ++i) total.ageing[i] += b.ageing[i];
    }
  }
  nlohmann::json total_rows = nlohmann::json::array();
  for (const auto& [currency, b] : totals) {
    nlohmann::json ageing = nlohmann::json::array();
    for (std::size_t i = 0; i < k_ageing_buckets.size(); ++i)
      ageing.push_back(money_cell(b.ageing[i], currency));
    total_rows.push_back({{"currency", currency},
                          {"invoiced", money_cell(b.invoiced, currency)},
                          {"paid", money_cell(b.paid, currency)},
                          {"credited", money_cell(b.credited, currency)},
                          {"balance", money_cell(b.balance, currency)},
                          {"ageing", ageing}});
  }
  nlohmann::json buckets = nlohmann::json::array();
  for (const AgeingBucket bucket : k_ageing_buckets)
    buckets.push_back({{"label", std::string(bucket_short_label(bucket))}});
  return {{"page_title", "Statements of account"},
          {"buckets", buckets},
          {"rows", rows},
          {"totals", total_rows},
          {"count", std::to_string(data.statements.size())}};
}

}  // namespace partnerops::site
