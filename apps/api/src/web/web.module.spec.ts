import { WebModule } from './web.module';
import { StatusPageController } from './status-page.controller';

describe(WebModule.name, () => {
  it('should show the status page at / when the web app is not built', () => {
    const sut = WebModule.forRoot('/nonexistent/admin/dist');
    expect(sut.controllers).toEqual([StatusPageController]);
    expect(sut.imports ?? []).toEqual([]);
  });
});
