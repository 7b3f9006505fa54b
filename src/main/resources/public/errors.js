// The server's error codes in Chinese, for the pages (the API's messages are English, for
// programs, and an English page shows them as they come). One place: the search page and the
// dashboard both use it.
(function () {
  'use strict';
  function describe(error) {
    const m = (error && error.message) || '';
    if (window.I18n && window.I18n.en) return m || 'The request was refused.';
    switch (error && error.code) {
      case 'unknown_value': {
        const found = /^(\w+) '(.*)' names nothing known(?:; closest: (.*))?/.exec(m);
        const dim = { province: '省份', industry: '产业', area: '区域' };
        if (!found) return '筛选值无法识别。';
        const none = `没有名为“${found[2]}”的${dim[found[1]] || '筛选值'}。`;
        return found[3] ? `${none}您是否要找：${found[3].split(', ').join('、')}？` : none;
      }
      case 'too_many_values': {
        const n = /at most (\d+)/.exec(m);
        return `筛选值过多：每类最多 ${n ? n[1] : ''} 个。`;
      }
      case 'result_window_too_large':
        return '翻页过深：请缩小查询或增加筛选条件后再翻页。';
      case 'invalid_parameter':
        if (m.startsWith('industry')) return '产业筛选应为门类（生物产业）、门类/产业（生物产业/生物医药）或产业名称（生物医药）。';
        if (m.startsWith('page') || m.startsWith('size')) return '页码或每页条数有误。';
        return '查询参数有误。';
      case 'not_found':
        return '找不到所请求的内容。';
      case 'not_ready':
        return '检索服务正在准备索引，请稍后重试。';
      case 'uri_too_long':
        return '查询过长，请缩短后重试。';
      case 'bad_request':
        return '请求格式有误，请检查网址。';
      default:
        return `请求未被接受（${(error && error.code) || '未知错误'}）。`;
    }
  }
  window.ClusterErrors = { describe };
})();
