//! `shinrai init`, `org`, `user`, `token`: account administration on the store directly, for
//! the operator's administrators at the server. Changes are logged with the actor `cli`.

use std::io::BufRead;

use shinrai_domain::accounts::{self, OrgKind, Role};
use shinrai_domain::text::{Bilingual, Lang};
use shinrai_server::auth::password::Passwords;
use shinrai_server::auth::secret;
use shinrai_store::Store;
use shinrai_store::model::{ChangeBy, NewApiToken, NewOrganisation, NewUser};

use crate::args::{
    DataPlace, InitArgs, ListArgs, OrgCommand, PasswordSource, TokenCommand, UserAddArgs,
    UserCommand,
};
use crate::error::CliError;
use crate::output::write_stdout;
use crate::store_access::{open, runtime, store_config, store_error};

fn by_cli() -> ChangeBy {
    ChangeBy {
        actor: "cli".to_owned(),
        org: String::new(),
        at_ms: crate::clock::now_ms(),
    }
}

/// Ends a command that changed something: its events get a signed checkpoint before the store
/// closes, as the service signs one when it stops.
async fn finish(store: Store) -> Result<(), CliError> {
    let signed = store.checkpoint(crate::clock::now_ms()).await;
    store.close().await;
    signed
        .map(|_| ())
        .map_err(|e| CliError::Store { what: e.message() })
}

fn refused(problem: &accounts::AccountProblem) -> CliError {
    CliError::Refused {
        what: problem.message(),
    }
}

fn read_password(source: &PasswordSource) -> Result<String, CliError> {
    let (name, text) = match &source.password_file {
        Some(path) => (
            path.display().to_string(),
            std::fs::read_to_string(path).map_err(|e| CliError::Unreadable {
                file: path.display().to_string(),
                why: Bilingual::new(
                    format!("読み込めません ({e})"),
                    format!("cannot read ({e})"),
                ),
            })?,
        ),
        None => {
            let mut line = String::new();
            std::io::stdin()
                .lock()
                .read_line(&mut line)
                .map_err(|e| CliError::Unreadable {
                    file: "<stdin>".to_owned(),
                    why: Bilingual::new(
                        format!("読み込めません ({e})"),
                        format!("cannot read ({e})"),
                    ),
                })?;
            ("<stdin>".to_owned(), line)
        }
    };
    let password = text.lines().next().unwrap_or_default().to_owned();
    if password.is_empty() {
        return Err(CliError::Unreadable {
            file: name,
            why: Bilingual::new("パスワードが空です", "the password is empty"),
        });
    }
    Ok(password)
}

async fn create_user(
    store: &Store,
    org: &str,
    login: &str,
    display_name: &str,
    roles: Vec<Role>,
    password: &str,
) -> Result<(), CliError> {
    let organisation = store
        .organisation(org)
        .await
        .map_err(|e| CliError::Store { what: e.message() })?
        .ok_or_else(|| CliError::Refused {
            what: Bilingual::new(
                format!("組織 {org} はありません"),
                format!("there is no organisation {org}"),
            ),
        })?;
    accounts::check_login(login).map_err(|p| refused(&p))?;
    accounts::check_name(display_name).map_err(|p| refused(&p))?;
    accounts::check_password(login, password).map_err(|p| refused(&p))?;
    accounts::check_roles(organisation.kind, &roles).map_err(|p| refused(&p))?;
    let hash = Passwords::default()
        .hash(password)
        .map_err(|e| CliError::Store {
            what: Bilingual::new(
                format!("パスワードを処理できません: {e}"),
                format!("cannot hash the password: {e}"),
            ),
        })?;
    store
        .create_user(
            &NewUser {
                id: uuid::Uuid::new_v4().to_string(),
                org_id: org.to_owned(),
                login: login.to_owned(),
                display_name: display_name.to_owned(),
                roles,
                password_hash: hash,
            },
            &by_cli(),
        )
        .await
        .map_err(|e| {
            if e.is_caller_error() {
                CliError::Refused { what: e.message() }
            } else {
                CliError::Store { what: e.message() }
            }
        })?;
    Ok(())
}

pub fn init(args: &InitArgs, place: &DataPlace, lang: Lang) -> Result<(), CliError> {
    let config = store_config(place)?;
    let password = read_password(&args.password)?;
    runtime()?.block_on(async {
        let store = open(&config).await?;
        if store
            .organisation_count()
            .await
            .map_err(|e| store_error(&config, &e))?
            > 0
        {
            return Err(CliError::Refused {
                what: Bilingual::new(
                    "既に初期化されています（組織があります）",
                    "already initialised: organisations exist",
                ),
            });
        }
        let name = Bilingual::new(args.org_name_ja.clone(), args.org_name_en.clone());
        accounts::check_name(&name.ja)
            .and_then(|()| accounts::check_name(&name.en))
            .map_err(|p| refused(&p))?;
        // Check the administrator before creating anything, so a weak password leaves no half-made
        // installation behind.
        accounts::check_login(&args.login).map_err(|p| refused(&p))?;
        accounts::check_password(&args.login, &password).map_err(|p| refused(&p))?;
        accounts::check_name(&args.display_name).map_err(|p| refused(&p))?;
        store
            .create_organisation(
                &NewOrganisation {
                    id: args.org_id.clone(),
                    kind: OrgKind::Operator,
                    name,
                },
                &by_cli(),
            )
            .await
            .map_err(|e| store_error(&config, &e))?;
        create_user(
            &store,
            &args.org_id,
            &args.login,
            &args.display_name,
            vec![Role::OperatorAdmin],
            &password,
        )
        .await?;
        finish(store).await?;
        write_stdout(&match lang {
            Lang::Ja => format!(
                "初期化しました: 組織 {}、管理者 {}\n",
                args.org_id, args.login
            ),
            Lang::En => format!(
                "initialised: organisation {}, administrator {}\n",
                args.org_id, args.login
            ),
        })
    })
}

pub fn org(command: &OrgCommand, place: &DataPlace, lang: Lang) -> Result<(), CliError> {
    let config = store_config(place)?;
    runtime()?.block_on(async {
        let store = open(&config).await?;
        let result = match command {
            OrgCommand::Add(args) => {
                let kind = OrgKind::from_code(&args.kind).ok_or_else(|| CliError::Refused {
                    what: Bilingual::new(
                        format!("組織の種類「{}」はありません（operator・provider・audit_body・procurer）", args.kind),
                        format!("no organisation kind {} (operator, provider, audit_body, procurer)", args.kind),
                    ),
                })?;
                store
                    .create_organisation(
                        &NewOrganisation { id: args.id.clone(), kind, name: Bilingual::new(args.name_ja.clone(), args.name_en.clone()) },
                        &by_cli(),
                    )
                    .await
                    .map_err(|e| store_error(&config, &e))?;
                write_stdout(&format!("{}\n", args.id))
            }
            OrgCommand::List(args) => {
                let organisations = store.organisations().await.map_err(|e| store_error(&config, &e))?;
                if args.json {
                    let list: Vec<_> = organisations
                        .iter()
                        .map(|o| serde_json::json!({"id": o.id, "kind": o.kind.code(), "name": {"ja": o.name.ja, "en": o.name.en}}))
                        .collect();
                    write_stdout(&format!("{}\n", serde_json::Value::Array(list)))
                } else {
                    let lines: String = organisations
                        .iter()
                        .map(|o| format!("{:<24} {:<11} {}\n", o.id, o.kind.code(), o.name.get(lang)))
                        .collect();
                    write_stdout(&lines)
                }
            }
        };
        finish(store).await?;
        result
    })
}

pub fn user(command: &UserCommand, place: &DataPlace, lang: Lang) -> Result<(), CliError> {
    let config = store_config(place)?;
    let password = match command {
        UserCommand::Add(UserAddArgs { password, .. }) => Some(read_password(password)?),
        _ => None,
    };
    runtime()?.block_on(async {
        let store = open(&config).await?;
        let result = match command {
            UserCommand::Add(args) => {
                let mut roles = Vec::new();
                for code in &args.roles {
                    roles.push(Role::from_code(code).ok_or_else(|| CliError::Refused {
                        what: Bilingual::new(
                            format!("ロール「{code}」はありません"),
                            format!("there is no role {code}"),
                        ),
                    })?);
                }
                create_user(
                    &store,
                    &args.org,
                    &args.login,
                    &args.display_name,
                    roles,
                    password.as_deref().unwrap_or_default(),
                )
                .await?;
                write_stdout(&format!("{}\n", args.login))
            }
            UserCommand::List(args) => list_users(&store, args, lang).await,
            UserCommand::Disable(target) | UserCommand::Enable(target) => {
                let disabled = matches!(command, UserCommand::Disable(_));
                let (user, _) = store
                    .user_for_login(&target.login)
                    .await
                    .map_err(|e| store_error(&config, &e))?
                    .ok_or_else(|| CliError::Refused {
                        what: Bilingual::new(
                            format!("利用者 {} はいません", target.login),
                            format!("there is no user {}", target.login),
                        ),
                    })?;
                store
                    .set_user_disabled(&user.id, disabled, &by_cli())
                    .await
                    .map_err(|e| store_error(&config, &e))?;
                write_stdout(&format!(
                    "{} {}\n",
                    target.login,
                    if disabled { "disabled" } else { "enabled" }
                ))
            }
        };
        finish(store).await?;
        result
    })
}

async fn list_users(store: &Store, args: &ListArgs, lang: Lang) -> Result<(), CliError> {
    let users = store
        .users(args.org.as_deref())
        .await
        .map_err(|e| CliError::Store { what: e.message() })?;
    if args.json {
        let list: Vec<_> = users
            .iter()
            .map(|u| {
                let roles: Vec<&str> = u.roles.iter().map(|r| r.code()).collect();
                serde_json::json!({"id": u.id, "org": u.org_id, "login": u.login, "display_name": u.display_name, "roles": roles, "disabled": u.disabled})
            })
            .collect();
        return write_stdout(&format!("{}\n", serde_json::Value::Array(list)));
    }
    let disabled = match lang {
        Lang::Ja => "（無効）",
        Lang::En => " (disabled)",
    };
    let lines: String = users
        .iter()
        .map(|u| {
            let roles: Vec<&str> = u.roles.iter().map(|r| r.code()).collect();
            format!(
                "{:<20} {:<20} {}{}\n",
                u.login,
                u.org_id,
                roles.join(","),
                if u.disabled { disabled } else { "" }
            )
        })
        .collect();
    write_stdout(&lines)
}

/// The lifetime asked for, or the configured default; from 1 day to the configured maximum.
fn token_days(asked: Option<u64>, default: u64, max: u64) -> Result<i64, CliError> {
    let days = asked.unwrap_or(default);
    if (1..=max).contains(&days) {
        Ok(i64::try_from(days).unwrap_or(i64::MAX))
    } else {
        Err(CliError::Refused {
            what: Bilingual::new(
                format!("--days は 1 から {max} までにしてください（上限は token_max_days）"),
                format!("--days must be from 1 to {max} (the maximum is token_max_days)"),
            ),
        })
    }
}

pub fn token(command: &TokenCommand, place: &DataPlace, lang: Lang) -> Result<(), CliError> {
    let service = crate::store_access::config(place)?;
    let config = crate::store_access::store_config_of(&service);
    runtime()?.block_on(async {
        let store = open(&config).await?;
        let result = match command {
            TokenCommand::Create(args) => {
                let (user, _) = store
                    .user_for_login(&args.login)
                    .await
                    .map_err(|e| store_error(&config, &e))?
                    .ok_or_else(|| CliError::Refused {
                        what: Bilingual::new(
                            format!("利用者 {} はいません", args.login),
                            format!("there is no user {}", args.login),
                        ),
                    })?;
                let days = token_days(args.days, service.token_days, service.token_max_days)?;
                let by = by_cli();
                let issued = secret::new_api_token();
                let token = store
                    .create_token(
                        &NewApiToken {
                            id: uuid::Uuid::new_v4().to_string(),
                            user_id: user.id,
                            name: args.name.clone(),
                            secret_hash: issued.digest.clone(),
                            expires_at_ms: by
                                .at_ms
                                .saturating_add(days.saturating_mul(24 * 60 * 60 * 1000)),
                        },
                        &by,
                    )
                    .await
                    .map_err(|e| store_error(&config, &e))?;
                let note = match lang {
                    Lang::Ja => "この秘密値は二度と表示されません",
                    Lang::En => "this secret is not shown again",
                };
                let expires = crate::clock::rfc3339(
                    u64::try_from(token.expires_at_ms / 1000).unwrap_or_default(),
                );
                write_stdout(&format!(
                    "id: {}\nsecret: {}\nexpires: {expires}\n({note})\n",
                    token.id, issued.value
                ))
            }
            TokenCommand::Revoke(args) => {
                store
                    .revoke_token(&args.id, &by_cli())
                    .await
                    .map_err(|e| store_error(&config, &e))?;
                write_stdout(&format!("{} revoked\n", args.id))
            }
        };
        finish(store).await?;
        result
    })
}
