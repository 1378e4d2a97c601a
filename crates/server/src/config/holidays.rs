//! Reading `holidays_file`, the Cabinet Office's list of public holidays, as the settings are
//! loaded: a list that does not read stops the service with the file and the line named, in
//! both languages, rather than counting deadlines on a wrong calendar.

use std::path::Path;

use shinrai_domain::calendar::{PublishedError, PublishedHolidays};
use shinrai_domain::text::Bilingual;
use shinrai_formats::holidays::{HolidayFileError, read_holiday_file};

use super::ConfigError;

pub fn read(path: &Path) -> Result<PublishedHolidays, ConfigError> {
    read_holiday_file(path).map_err(|error| ConfigError::Holidays {
        file: path.to_path_buf(),
        reason: reason(&error),
    })
}

/// Why the file is refused, in both languages; the English is the reader's own message.
fn reason(error: &HolidayFileError) -> Bilingual {
    let en = match error {
        HolidayFileError::List { source, .. } => source.to_string(),
        other => other
            .to_string()
            .strip_prefix(&format!("{}: ", other.file()))
            .map_or_else(|| other.to_string(), str::to_owned),
    };
    let ja = match error {
        HolidayFileError::Io { source, .. } => format!("ファイルを読めません ({source})"),
        HolidayFileError::TooLarge { size, max, .. } => {
            format!("ファイルが {size} バイトあります。読むのは {max} バイトまでです")
        }
        HolidayFileError::Encoding { line, .. } => {
            format!("{line} 行目: UTF-8 でも Shift_JIS でもありません")
        }
        HolidayFileError::List { source, .. } => list_reason_ja(source),
    };
    Bilingual::new(ja, en)
}

fn list_reason_ja(error: &PublishedError) -> String {
    match error {
        PublishedError::TooManyLines { max } => format!("{max} 行を超えています"),
        PublishedError::MissingHeader { found } => {
            format!("1 行目: 見出し行がありません（{found}）")
        }
        PublishedError::EmptyLine { line } => format!("{line} 行目: 途中に空の行があります"),
        PublishedError::BadDate { line, text } => {
            format!("{line} 行目: 「{text}」は yyyy/m/d 形式の日付ではありません")
        }
        PublishedError::MissingName { line, text } => {
            format!("{line} 行目: 日付の後に祝日の名称がありません（{text}）")
        }
        PublishedError::ExtraField { line, text } => {
            format!("{line} 行目: 日付と名称の 2 項目より多くあります（{text}）")
        }
        PublishedError::DuplicateDate {
            line,
            date,
            first_line,
        } => format!("{line} 行目: {date} が重複しています（最初は {first_line} 行目）"),
        PublishedError::NoHolidays => "祝日が 1 件もありません".to_owned(),
        PublishedError::MissingYear {
            year,
            first_year,
            last_year,
        } => format!("{first_year}年から{last_year}年までの一覧ですが、{year}年の祝日がありません"),
    }
}
