import path from "node:path";
import { readJsonFile, writeFileAtomic } from "./fsutil";

export interface WebhookSubscription {
  notificationUrl: string;
  modified: string;
  secret: string;
}

export interface SigningKey {
  id: string;
  created: string;
  /** PKCS#1 PEM of the private key; kept so the emulator can sign `/token` requests with it. */
  privatePem: string;
  /** Keys created through `/keys`; the internal one signs tokens that carry no key of their own. */
  internal: boolean;
}

interface AccountState {
  webhook: WebhookSubscription | null;
  keys: SigningKey[];
}

/** Account-wide settings: the webhook subscription and the signing keys (`<dataDir>/account.json`). */
export class AccountStore {
  private state: AccountState = { webhook: null, keys: [] };
  private writing: Promise<void> = Promise.resolve();
  private readonly file: string;

  constructor(dataDir: string) {
    this.file = path.join(dataDir, "account.json");
  }

  async load(): Promise<void> {
    const saved = await readJsonFile<Partial<AccountState>>(this.file);
    this.state = { webhook: saved?.webhook ?? null, keys: saved?.keys ?? [] };
  }

  get webhook(): WebhookSubscription | null {
    return this.state.webhook;
  }

  async setWebhook(webhook: WebhookSubscription | null): Promise<void> {
    this.state.webhook = webhook;
    await this.save();
  }

  keys(): SigningKey[] {
    return this.state.keys;
  }

  key(id: string): SigningKey | undefined {
    return this.state.keys.find((k) => k.id === id);
  }

  async addKey(key: SigningKey): Promise<void> {
    this.state.keys.push(key);
    await this.save();
  }

  async removeKey(id: string): Promise<boolean> {
    const before = this.state.keys.length;
    this.state.keys = this.state.keys.filter((k) => k.id !== id || k.internal);
    if (this.state.keys.length === before) return false;
    await this.save();
    return true;
  }

  async flush(): Promise<void> {
    await this.writing;
  }

  private save(): Promise<void> {
    const next = this.writing.then(() =>
      writeFileAtomic(this.file, JSON.stringify(this.state, null, 2)),
    );
    this.writing = next.catch(() => {});
    return next;
  }
}
